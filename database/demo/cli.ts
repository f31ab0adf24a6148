import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDatabaseIfMissing, startEmbeddedPostgres, type RunningPostgres } from '../embedded/embedded-postgres.js';
import { runMigrations } from '../migrations/run-migrations.js';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE, DemoDataError, generateDemoData, type DemoSummary } from './generate-demo-data.js';
import { DEMO_CHILD_KEY_SECRET } from './seed-demo-data.js';

/** The repository root: this file is `database/{demo,dist/demo}/cli.{ts,js}`. */
const REPO_ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../' : '../../', import.meta.url));
/** The embedded database the server uses (server/src/database/database-lifecycle.ts). */
const EMBEDDED_DATABASE = 'escalation_insights';

const USAGE = `Usage: node database/dist/demo/cli.js [--size N] [--seed S] [--as-of ISO] [--database-url URL]
       [--data-dir DIR] [--new-database NAME] [--batch-size N]

Fills an empty database with deterministic demo data (five partnerships, N escalations).
Without --database-url (or DATABASE_URL) it uses the embedded PostgreSQL in <repo>/.data/postgres,
the one the server starts. Migrations run first. A database that already holds partnerships is
refused; --new-database NAME creates (if missing) and fills NAME on the same server instead.
The child keys use CHILD_KEY_SECRET when set, else the development secret.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' }, seed: { type: 'string' }, 'as-of': { type: 'string' }, 'database-url': { type: 'string' },
      'data-dir': { type: 'string' }, 'new-database': { type: 'string' }, 'batch-size': { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const size = wholeNumber('--size', values.size, DEFAULT_DEMO_SIZE);
  const seed = wholeNumber('--seed', values.seed, DEFAULT_DEMO_SEED);
  const batchSize = wholeNumber('--batch-size', values['batch-size'], 5000);
  const asOf = values['as-of'] === undefined ? new Date() : new Date(values['as-of']);
  if (Number.isNaN(asOf.getTime())) throw new DemoDataError(`--as-of must be an ISO date or date-time (got "${values['as-of']}")`);

  let embedded: RunningPostgres | undefined;
  let url = values['database-url'] ?? process.env['DATABASE_URL'];
  try {
    if (!url) {
      const dataDir = path.resolve(values['data-dir'] ?? path.join(REPO_ROOT, '.data', 'postgres'));
      await refuseRunningCluster(dataDir);
      console.error(`Starting the embedded PostgreSQL in ${dataDir}`);
      embedded = await startEmbeddedPostgres({ dataDir, database: EMBEDDED_DATABASE });
      url = embedded.url;
    }
    const fresh = values['new-database'];
    if (fresh !== undefined) {
      await createDatabaseIfMissing(url, fresh);
      const target = new URL(url);
      target.pathname = `/${encodeURIComponent(fresh)}`;
      url = target.toString();
    }
    const applied = await runMigrations(url);
    if (applied.length > 0) console.error(`Applied migrations: ${applied.join(', ')}`);
    await refuseNonEmpty(url);

    const secret = process.env['CHILD_KEY_SECRET'] ?? DEMO_CHILD_KEY_SECRET;
    const started = performance.now();
    let lastShown = 0;
    const summary = await generateDemoData(url, {
      size, seed, asOf, batchSize, childKeySecret: secret,
      onProgress: ({ written, total }) => {
        const now = performance.now();
        if (written < total && now - lastShown < 1000) return;
        lastShown = now;
        const rate = Math.round(written / ((now - started) / 1000));
        console.error(`  ${written.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} escalations (${rate.toLocaleString('en-GB')}/s)`);
      },
    });
    printSummary(summary, (performance.now() - started) / 1000);
  } finally {
    await embedded?.stop();
  }
}

/**
 * startEmbeddedPostgres clears a postmaster.pid left by a killed run; a second postmaster
 * on a live cluster (the server's, say) would corrupt it, so refuse while one runs.
 */
async function refuseRunningCluster(dataDir: string): Promise<void> {
  const pidFile = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(pidFile?.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  const alive = command === undefined ? processExists(pid) : command.includes('postgres');
  if (alive) {
    throw new DemoDataError(
      `A PostgreSQL (pid ${pid}) is already running on ${dataDir}, probably the server's. Stop it first, ` +
        'or pass --database-url with its connection string (and --new-database NAME to keep its data).',
    );
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function wholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new DemoDataError(`${flag} must be a whole number (got "${value}")`);
  return Number(value);
}

async function refuseNonEmpty(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query<{ n: string }>('SELECT count(*) AS n FROM partnership');
    const n = Number(found.rows[0]!.n);
    if (n > 0) {
      throw new DemoDataError(
        `The database already holds ${n} partnership(s); demo data goes only into an empty database. ` +
          'Use --new-database NAME to fill a new database on the same server, or drop the data first.',
      );
    }
  } finally {
    await client.end();
  }
}

function printSummary(summary: DemoSummary, seconds: number): void {
  console.log(`Demo data: seed ${summary.seed}, ${summary.size.toLocaleString('en-GB')} escalations up to ${summary.asOf}, in ${seconds.toFixed(1)} s`);
  for (const p of summary.partnerships) {
    const statuses = Object.entries(p.byStatus).map(([status, n]) => `${status} ${n}`).join(', ');
    console.log(`  ${p.name} (${p.code}, id ${p.partnershipId}): ${p.escalations} escalations — ${statuses}`);
  }
  const r = summary.rows;
  console.log(`  rows: ${r.stageEntries} stage entries, ${r.milestones} milestones, ${r.timescaleOutcomes} timescale outcomes, ` +
    `${r.strategicLogEntries} strategic log entries, ${r.learningItems} learning items`);
}

main().catch((error: unknown) => {
  console.error(error instanceof DemoDataError ? `Error: ${error.message}` : error);
  // Exit explicitly: embedded-postgres's exit hook would otherwise end the process with status 0.
  process.exit(1);
});
