import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateDemoData, runMigrations, startEmbeddedPostgres, type RunningPostgres } from '@escalation-insights/database';
import pg from 'pg';

/** The moment every benchmark data set ends at, and the clock the app is given: results do not depend on the day run. */
export const BENCH_AS_OF = new Date('2025-11-26T12:00:00Z');
const CHILD_KEY_SECRET = 'escalation-insights-benchmark-child-key-secret';

/**
 * The embedded PostgreSQL holding one database per size and seed, kept between runs: the
 * one already running on it (another benchmark's, found by its postmaster.pid; left
 * running) when there is one, else started here. Two servers must never share the folder.
 */
export async function startBenchCluster(repoRoot: string): Promise<RunningPostgres> {
  const dataDir = path.join(repoRoot, '.data', 'bench', 'postgres');
  const running = await runningCluster(dataDir);
  return running ?? startEmbeddedPostgres({ dataDir, database: 'postgres' });
}

async function runningCluster(dataDir: string): Promise<RunningPostgres | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EPERM') return null;
  }
  const password = (await readFile(`${dataDir}.password`, 'utf8')).trim();
  const port = Number(portLine);
  const urlFor = (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { url: urlFor('postgres'), urlFor, port, dataDir, stop: async () => undefined };
}

export interface Dataset {
  readonly url: string;
  readonly size: number;
  /** Seconds spent generating it now; null when reused. */
  readonly generatedIn: number | null;
}

/**
 * The database `bench_<size>_<seed>`: reused when it holds `size` escalations (migrations
 * still run, so new ones apply), otherwise created afresh and filled by the demo generator.
 */
export async function ensureDataset(cluster: RunningPostgres, size: number, seed: number, log: (line: string) => void): Promise<Dataset> {
  const name = `bench_${size}_${seed}`;
  const url = cluster.urlFor(name);
  if (await holds(cluster, name, size)) {
    // A data set made before a migration gets it now, with whatever it builds (new aggregates are filled from the existing rows).
    const started = performance.now();
    const applied = await runMigrations(url);
    if (applied.length > 0) log(`  ${name}: applied ${applied.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { url, size, generatedIn: null };
  }
  await admin(cluster, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  });
  await runMigrations(url);
  const started = performance.now();
  let shown = 0;
  await generateDemoData(url, {
    size, seed, asOf: BENCH_AS_OF, childKeySecret: CHILD_KEY_SECRET,
    onProgress: ({ written, total }) => {
      if (written === total || performance.now() - shown > 10_000) {
        shown = performance.now();
        log(`  ${name}: ${written.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} escalations`);
      }
    },
  });
  return { url, size, generatedIn: (performance.now() - started) / 1000 };
}

async function holds(cluster: RunningPostgres, name: string, size: number): Promise<boolean> {
  const exists = await admin(cluster, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (!exists) return false;
  const client = new pg.Client({ connectionString: cluster.urlFor(name) });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM escalation`);
    return Number(rows[0]!.n) === size;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

async function admin<T>(cluster: RunningPostgres, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: cluster.urlFor('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Rows in the tables the analytics read, and the size of the pre-aggregated facts, for the report. */
export async function describeDataset(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; rows: string; size: string }>(
      `SELECT relname AS name, n_live_tup::text AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size
       FROM pg_stat_user_tables WHERE relname IN ('escalation', 'timescale_outcome', 'analytics_escalation', 'analytics_outcome',
         'analytics_escalation_month', 'analytics_outcome_month', 'analytics_rule_month', 'analytics_duration_cell') ORDER BY relname`,
    );
    return rows.map((r) => `${r.name} ${Number(r.rows).toLocaleString('en-GB')} rows (${r.size})`).join('; ');
  } finally {
    await client.end();
  }
}
