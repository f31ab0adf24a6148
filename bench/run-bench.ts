/**
 * `npm run bench [-- --sizes 10000,100000,1000000] [--runs 10] [--seed 20251126] [--only query,query]`
 *
 * For each size: a demo data set (generated once, then reused from .data/bench), the app
 * booted in-process over it, and every analytics query sent over HTTP as a business-unit
 * user of the largest partnership, for two periods — its last 12 whole months, and its
 * whole history (three years) — and for the 12 months narrowed to urgent escalations.
 * Printed per query: median and p95 over HTTP, beside the same SQL run directly against
 * PostgreSQL (captured from the API, replayed as the same role in the same kind of
 * snapshot: median and p95), and PostgreSQL's own execution time (EXPLAIN ANALYZE, summed
 * over the query's statements). The app keeps no answers here (ANALYTICS_CACHE_SECONDS
 * 0): every run is the cost of working the answer out.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO_SEED } from '@escalation-insights/database';
import {
  createApp, deriveAppDatabaseUrl, hashSessionToken, newSessionToken, observeAnalyticsStatements, sessionCookieName, type AnalyticsStatement,
} from '@escalation-insights/server';
import pg from 'pg';
import { ANALYTICS_QUERIES } from './analytics-queries.js';
import { BENCH_AS_OF, describeDataset, ensureDataset, startBenchCluster } from './datasets.js';
import { openReplayer } from './replay.js';
import { formatMs, summarise } from './statistics.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCENARIOS = [
  { name: '12 months', filter: { from: '2024-11-01', to: '2025-11-01' } },
  { name: '3 years', filter: { from: '2022-11-01', to: '2025-12-01' } },
  // A filter the pre-aggregated facts do not hold: the queries read the cohort's rows instead.
  { name: '12m urgent', filter: { from: '2024-11-01', to: '2025-11-01', urgencies: ['URGENT'] } },
] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' } } });
  const sizes = (values.sizes ?? '10000,100000,1000000').split(',').map((s) => Number(s.trim()));
  const runs = Number(values.runs ?? 10);
  const seed = Number(values.seed ?? DEFAULT_DEMO_SEED);
  const only = values.only?.split(',');
  if (sizes.some((s) => !Number.isInteger(s) || s < 1) || !Number.isInteger(runs) || runs < 1) throw new Error('--sizes and --runs take whole numbers');

  const log = (line: string) => console.log(line);
  const cluster = await startBenchCluster(REPO_ROOT);
  try {
    for (const size of sizes) {
      log(`\n== ${size.toLocaleString('en-GB')} escalations (seed ${seed}) ==`);
      const dataset = await ensureDataset(cluster, size, seed, log);
      if (dataset.generatedIn !== null) log(`  generated in ${dataset.generatedIn.toFixed(0)} s`);
      log(`  ${await describeDataset(dataset.url)}`);
      await benchSize(dataset.url, runs, only, log);
    }
  } finally {
    await cluster.stop();
  }
}

async function benchSize(ownerUrl: string, runs: number, only: readonly string[] | undefined, log: (line: string) => void): Promise<void> {
  const user = await benchUser(ownerUrl);
  const app = await createApp({
    databaseUrl: ownerUrl, port: 0, logger: ['error', 'warn'], outcomeRefreshMinutes: 0, clock: () => BENCH_AS_OF,
    queryLimits: { maxDepth: 50, maxCost: 1e9, costPerMinute: 1e12 },
    analyticsCacheSeconds: 0, // every run works its answer out: the figures are the cost of the SQL, not of a kept answer
  });
  const replayer = await openReplayer(await deriveAppDatabaseUrl(ownerUrl, { error: log }), user);
  try {
    log(`  largest partnership: ${user.partnershipId} (${user.escalations.toLocaleString('en-GB')} escalations)`);
    log(`  ${'query'.padEnd(18)} ${'period'.padEnd(10)} ${'HTTP median'.padStart(11)} ${'HTTP p95'.padStart(9)} ${'SQL median'.padStart(10)} ${'SQL p95'.padStart(8)} ${'PG exec'.padStart(8)} stmts  answer`);
    for (const [name, query] of Object.entries(ANALYTICS_QUERIES)) {
      if (only && !only.includes(name)) continue;
      for (const scenario of SCENARIOS) {
        const send = async () => {
          const response = await fetch(`${app.url}/graphql`, {
            method: 'POST', headers: { 'content-type': 'application/json', cookie: user.cookie },
            body: JSON.stringify({ query, variables: { filter: { ...scenario.filter, partnershipIds: [user.partnershipId] } } }),
          });
          const text = await response.text();
          const body = JSON.parse(text) as { errors?: unknown[] };
          if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors).slice(0, 500)}`);
          return text.length;
        };
        const statements: AnalyticsStatement[] = [];
        observeAnalyticsStatements((s) => statements.push(s));
        const bytes = await send(); // warm-up, and the statements to replay
        observeAnalyticsStatements(null);
        const http: number[] = [];
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          await send();
          http.push(performance.now() - started);
        }
        await replayer.time(statements); // warm-up
        const sql: number[] = [];
        for (let i = 0; i < runs; i++) sql.push(await replayer.time(statements));
        const executed = await replayer.explain(statements);
        const h = summarise(http);
        const s = summarise(sql);
        log(`  ${name.padEnd(18)} ${scenario.name.padEnd(10)} ${formatMs(h.median).padStart(11)} ${formatMs(h.p95).padStart(9)} ${formatMs(s.median).padStart(10)} ${formatMs(s.p95).padStart(8)} ${formatMs(executed).padStart(8)} ${String(statements.length).padStart(5)}  ${(bytes / 1024).toFixed(0)} KiB`);
      }
    }
  } finally {
    await replayer.close();
    await app.close();
  }
}

/** A business-unit user of the largest partnership with a live session (made directly, as the tests do). */
async function benchUser(ownerUrl: string): Promise<{ partnershipId: string; userId: string; cookie: string; escalations: number }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows: [largest] } = await client.query<{ id: string; n: string }>(
      `SELECT partnership_id::text AS id, count(*) AS n FROM escalation GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const email = `bench-${Date.now()}@bench.example`;
    const { rows: [user] } = await client.query<{ id: string }>(
      `INSERT INTO app_user (partnership_id, email, display_name, role) VALUES ($1, $2, 'Benchmark', 'business_unit') RETURNING id::text`,
      [largest!.id, email],
    );
    const token = newSessionToken();
    await client.query(`INSERT INTO user_session (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '12 hours')`, [user!.id, hashSessionToken(token)]);
    return { partnershipId: largest!.id, userId: user!.id, cookie: `${sessionCookieName(false)}=${token}`, escalations: Number(largest!.n) };
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
}).then(() => process.exit(0));
