import { MIGRATIONS } from '@escalation-insights/database';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';

/**
 * The app's connection pool. Migrations are listed (readiness compares them with the
 * database) but run before the app starts, by `migrateDatabase`; the schema is never
 * synchronised from the entities.
 */
export function typeOrmOptions(url: string, production: boolean): TypeOrmModuleOptions {
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
    poolSize: 10,
    retryAttempts: 3,
    retryDelay: 1000,
  };
}
