import path from 'node:path';
import { runMigrations, startEmbeddedPostgres } from '@escalation-insights/database';
import type { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';

export const EMBEDDED_DATABASE_NAME = 'escalation_insights';

export interface DatabaseHandle {
  readonly url: string;
  /** True when this process started the PostgreSQL it uses. */
  readonly embedded: boolean;
  /** Stops the embedded PostgreSQL; nothing for an external one. */
  stop(): Promise<void>;
}

/**
 * The database the app runs on: DATABASE_URL when set (nothing is started), else an
 * embedded PostgreSQL whose cluster lives in `<DATA_DIR>/postgres` and persists
 * between runs, on a free port of 127.0.0.1.
 */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    logger.log('Using the PostgreSQL server in DATABASE_URL');
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const dataDir = path.join(config.dataDir, 'postgres');
  logger.log(`No DATABASE_URL: starting an embedded PostgreSQL in ${dataDir}`);
  const postgres = await startEmbeddedPostgres({ dataDir, database: EMBEDDED_DATABASE_NAME });
  logger.log(`Embedded PostgreSQL is up on 127.0.0.1:${postgres.port}`);
  return {
    url: postgres.url,
    embedded: true,
    stop: async () => {
      await postgres.stop();
      logger.log('Embedded PostgreSQL stopped');
    },
  };
}

/** Applies pending migrations; the app never synchronises the schema from its entities. */
export async function migrateDatabase(url: string, logger: Logger): Promise<void> {
  const applied = await runMigrations(url);
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
}
