import { MIGRATIONS } from '@escalation-insights/database';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';

/**
 * The app's connection pool, as the restricted role that row-level security applies to
 * (services reach it through TenantDatabase). Migrations are listed (readiness compares them with the
 * database) but run before the app starts, by `migrateDatabase`; the schema is never
 * synchronised from the entities.
 */
export function typeOrmOptions(url: string, production: boolean, poolSize = 10): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url,
    applicationName: 'escalation-insights',
    autoLoadEntities: true,
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsRun: false,
    // A failed query is logged with its parameters: useful in development, personal data in production
    // (where Nest still logs the error itself, without them).
    logging: production ? ['warn'] : ['error', 'warn'],
    poolSize,
    retryAttempts: 3,
    retryDelay: 1000,
  };
}
