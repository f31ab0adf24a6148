import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmbeddedPostgres } from '@escalation-insights/database';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';
import { EMBEDDED_DATABASE_NAME } from '../database/database-lifecycle.js';

export interface ToolDatabase {
  /** The app's database, as its owner. */
  readonly url: string;
  /** e.g. "the PostgreSQL server in DATABASE_URL" */
  readonly description: string;
  /** Stops the embedded PostgreSQL when this process started it; nothing otherwise. */
  stop(): Promise<void>;
}

/**
 * The database a command-line tool works on: DATABASE_URL when set; otherwise the embedded
 * PostgreSQL in `<DATA_DIR>/postgres` — the one already running for the app when there is
 * one (so a backup can be taken while the app serves requests), else started for the
 * tool and stopped afterwards.
 */
export async function openToolDatabase(config: AppConfig): Promise<ToolDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, description: 'the PostgreSQL server in DATABASE_URL', stop: async () => undefined };
  const dataDir = path.join(config.dataDir, 'postgres');
  const running = await runningEmbedded(dataDir);
  if (running) return { url: running, description: `the running embedded PostgreSQL in ${dataDir}`, stop: async () => undefined };
  const postgres = await startEmbeddedPostgres({ dataDir, database: EMBEDDED_DATABASE_NAME });
  return { url: postgres.url, description: `the embedded PostgreSQL in ${dataDir}`, stop: () => postgres.stop() };
}

/**
 * The owner's URL of an embedded PostgreSQL that another process is running on `dataDir`
 * (postmaster.pid names a live process and its port), or null when none is.
 * @throws Error when one is running but cannot be reached: starting a second would damage it
 */
async function runningEmbedded(dataDir: string): Promise<string | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  const password = (await readFile(`${dataDir}.password`, 'utf8')).trim();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE_NAME}`;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return url;
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') return url; // running, without the app's database yet (a restore creates it)
    throw new Error(`The embedded PostgreSQL in ${dataDir} is running (process ${pid}) but cannot be reached on port ${port}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
