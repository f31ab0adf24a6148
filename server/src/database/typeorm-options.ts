import { MIGRATIONS } from '@escalation-insights/database';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DEFAULT_DATABASE_CONNECT_TIMEOUT_MS } from '../config/operations-config.js';
import { TypeOrmPinoLogger } from '../logging/typeorm-pino-logger.js';

/**
 * The app's connection pool, as the restricted role that row-level security applies to
 * (services reach it through TenantDatabase). Migrations are listed (readiness compares them with the
 * database) but run before the app starts, by `migrateDatabase`; the schema is never
 * synchronised from the entities.
 *
 * When PostgreSQL goes away, pg drops the broken connections (TypeORM listens for their
 * errors, so none crashes the process) and opens new ones when it is back: no restart is
 * needed. A request waits at most `connectTimeoutMs` for a connection (a free one from the
 * pool, or a new one) and then fails with SERVICE_UNAVAILABLE instead of hanging; TCP
 * keep-alive notices a server that vanished without closing its connections.
 */
export function typeOrmOptions(url: string, production: boolean, poolSize = 10, connectTimeoutMs = DEFAULT_DATABASE_CONNECT_TIMEOUT_MS): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url,
    applicationName: 'escalation-insights',
    autoLoadEntities: true,
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsRun: false,
    // Failed statements are logged without their parameters (personal data); PostgreSQL's own message only outside production.
    logger: new TypeOrmPinoLogger({ serverMessages: !production }),
    logging: ['error', 'warn'],
    poolSize,
    connectTimeoutMS: connectTimeoutMs,
    extra: { keepAlive: true },
    retryAttempts: 3,
    retryDelay: 1000,
  };
}
