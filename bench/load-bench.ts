/**
 * `npm run bench:load [-- --size 100000] [--users 50] [--duration 30] [--rate 0] [--max-requests 50000] [--import-rows 2000] [--edit-every 0] [--stale-seconds 5]`
 * (also the last part of `npm run bench`)
 *
 * The dashboard under load: a copy of the benchmark data set (`bench_<size>_<seed>` in
 * .data/bench, generated once by the demo generator) served by the app on 127.0.0.1, and
 * `users` signed-in users — business unit, executive, improvement group and scrutineer
 * staff of every partnership, one connection each — asking the dashboard's own queries
 * (overview, stage reach, breach statistics, drift, themes, theme signals) for their
 * partnership's last twelve months, while an import and a stream of edits (one mutation
 * every `--edit-every` milliseconds, 0: back to back) run in the same app. `--rate 0` (the default) is the worst case: every user asks again as soon as
 * an answer arrives; `--rate N` paces all users together at N requests a second.
 * Bounded by `--duration` seconds and `--max-requests`. Prints throughput, median and
 * 99th-percentile latency and the errors (non-2xx, timeouts, GraphQL errors); the target
 * is zero errors and p99 under 1 s. Answers superseded by a change may be sent for
 * `--stale-seconds` while they are worked out again, as the server does by default
 * (ANALYTICS_STALE_SECONDS; docs/analytics.md "Kept answers"). The query limits are the
 * server's own (but see UNPACED_COST_PER_MINUTE), or those of QUERY_COST_PER_MINUTE /
 * QUERY_MAX_COST in the environment (docs/security.md).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { DEFAULT_DEMO_SEED, type RunningPostgres } from '@escalation-insights/database';
import {
  createApp, DEFAULT_ANALYTICS_STALE_SECONDS, DEFAULT_QUERY_LIMITS, hashSessionToken, newSessionToken, sessionCookieName, writeSyntheticLog, type QueryLimits,
} from '@escalation-insights/server';
import pg from 'pg';
import { BENCH_AS_OF, describeDataset, ensureDataset, startBenchCluster } from './datasets.js';
import { dashboardOperations } from './dashboard-operations.js';
import type { LoadDriverInput, LoadDriverOutput, LoadUser } from './load-driver.js';
import { formatMs } from './statistics.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PERIOD = { from: '2024-11-01', to: '2025-11-01' };
const ROLES = ['business_unit', 'executive', 'improvement_group', 'scrutineer'] as const;
const DAY = 86_400_000;
/** Back to back by default: the most writes one person could make, far more than a partnership records in a day. */
const DEFAULT_EDIT_EVERY_MS = 0;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' }, seed: { type: 'string' }, users: { type: 'string' }, duration: { type: 'string' },
      rate: { type: 'string' }, 'max-requests': { type: 'string' }, 'import-rows': { type: 'string' }, 'edit-every': { type: 'string' },
      'stale-seconds': { type: 'string' },
    },
  });
  const whole = (value: string | undefined, fallback: number, name: string, min = 1) => {
    const n = Number(value ?? fallback);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}`);
    return n;
  };
  const size = whole(values.size, 100_000, 'size');
  const seed = whole(values.seed, DEFAULT_DEMO_SEED, 'seed');
  const users = whole(values.users, 50, 'users');
  const duration = whole(values.duration, 30, 'duration');
  const rate = whole(values.rate, 0, 'rate', 0);
  const maxRequests = whole(values['max-requests'], 50_000, 'max-requests');
  const importRows = whole(values['import-rows'], 2_000, 'import-rows', 0);
  const editEveryMs = whole(values['edit-every'], DEFAULT_EDIT_EVERY_MS, 'edit-every', 0);
  // As the server runs by default (ANALYTICS_STALE_SECONDS); 0: every answer current, however often the data changes.
  const staleSeconds = whole(values['stale-seconds'], DEFAULT_ANALYTICS_STALE_SECONDS, 'stale-seconds', 0);
  const log = (line: string) => console.log(line);

  log(`\n== Load: ${size.toLocaleString('en-GB')} escalations, ${users} signed-in users, ${duration} s ==`);
  const cluster = await benchCluster();
  let scratch: string | undefined;
  try {
    const dataset = await ensureDataset(cluster, size, seed, log);
    if (dataset.generatedIn !== null) log(`  generated in ${dataset.generatedIn.toFixed(0)} s`);
    scratch = await copyDataset(cluster, `bench_${size}_${seed}`, `load_${size}_${seed}_${process.pid}`);
    const url = cluster.urlFor(scratch);
    await withClient(url, (client) => client.query('ANALYZE')); // a copy starts without activity statistics
    log(`  ${await describeDataset(url)}`);
    await run(url, { users, duration, rate, maxRequests, importRows, editEveryMs, staleSeconds }, log);
  } finally {
    if (scratch) await admin(cluster, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(scratch!)} WITH (FORCE)`)).catch(() => undefined);
    await cluster.stop();
  }
}

interface RunOptions {
  readonly users: number;
  readonly duration: number;
  readonly rate: number;
  readonly maxRequests: number;
  readonly importRows: number;
  readonly editEveryMs: number;
  readonly staleSeconds: number;
}

async function run(ownerUrl: string, options: RunOptions, log: (line: string) => void): Promise<void> {
  const queryLimits = queryLimitsFromEnv(options.rate === 0);
  const people = await signInUsers(ownerUrl, options.users);
  const app = await createApp({
    databaseUrl: ownerUrl, port: 0, host: '127.0.0.1', logger: ['error', 'warn'], outcomeRefreshMinutes: 0, retentionSchedule: null,
    clock: () => BENCH_AS_OF, queryLimits, analyticsStaleSeconds: options.staleSeconds,
  });
  try {
    const operations = await dashboardOperations(REPO_ROOT);
    const loadUsers: LoadUser[] = people.dashboard.map((user) => ({
      cookie: user.cookie,
      bodies: operations.map((op) => ({
        name: op.name,
        body: JSON.stringify({ query: op.query, variables: { ...op.variables, filter: { ...PERIOD, partnershipIds: [user.partnershipId] } } }),
      })),
    }));
    log(`  queries: ${operations.map((op) => op.name).join(', ')} — each user's own partnership, ${PERIOD.from} to ${PERIOD.to}`);
    log(`  users: ${describeUsers(people.dashboard)}; query limits: cost ${queryLimits.maxCost.toLocaleString('en-GB')} per query, ` +
      `${queryLimits.costPerMinute.toLocaleString('en-GB')} per user per minute; superseded answers sent for up to ${options.staleSeconds} s`);
    log(`  load: ${options.rate > 0 ? `${options.rate} requests/s across all users` : 'each user asks again as soon as answered (no pause)'}; ` +
      `at most ${options.duration} s and ${options.maxRequests.toLocaleString('en-GB')} requests; ` +
      `edits ${options.editEveryMs > 0 ? `one every ${options.editEveryMs} ms` : 'back to back'} in one partnership`);
    // Warm-up, not timed: every user asks every query once, so that the run starts as a working day does, with each
    // partnership's answers already worked out for each kind of reader, rather than with all of them at once.
    for (const user of loadUsers) {
      for (const { body } of user.bodies) await send(app.url, user.cookie, body);
    }

    log(`  machine before the run: load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} on ${os.cpus().length} CPUs`);
    // The app runs in this process: how long its work waited for the event loop, and for garbage collection.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const gcPauses: number[] = [];
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcPauses.push(entry.duration);
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    const started = performance.now();
    let loadRunning = true;
    const load = drive({ url: app.url, users: loadUsers, durationSeconds: options.duration, maxRequests: options.maxRequests, overallRate: options.rate })
      .finally(() => {
        loadRunning = false;
      });
    const imported = options.importRows > 0 ? importDuringLoad(app.url, ownerUrl, people.importer, options.importRows) : Promise.resolve(null);
    const edits = editWhileRunning(app.url, people.editor, () => loadRunning, options.editEveryMs);
    const [result, importResult, editResult] = await Promise.all([load, imported, edits]);
    const elapsed = (performance.now() - started) / 1000;
    loopDelay.disable();
    gcObserver.disconnect();
    report(result, importResult, editResult, elapsed, log);
    const ms = (nanoseconds: number) => (nanoseconds / 1e6).toFixed(0);
    log(`  the server's event loop: delay median ${ms(loopDelay.percentile(50))} ms, p99 ${ms(loopDelay.percentile(99))} ms, max ${ms(loopDelay.max)} ms`);
    gcPauses.sort((a, b) => a - b);
    log(`  garbage collection: ${gcPauses.length} pauses, ${gcPauses.reduce((a, b) => a + b, 0).toFixed(0)} ms in all, the longest ${(gcPauses.at(-1) ?? 0).toFixed(0)} ms; ` +
      `heap in use afterwards ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
  } finally {
    await app.close();
  }
}

function report(
  out: LoadDriverOutput,
  imported: { rows: number; seconds: number; status: string } | null,
  edits: { done: number; failed: number; latencies: number[]; samples: string[] },
  elapsed: number,
  log: (line: string) => void,
): void {
  const r = out.result;
  const errors = r.non2xx + r.errors + r.timeouts + out.graphqlErrors;
  const answered = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  log(`  throughput: ${(answered / r.duration).toFixed(1)} requests/s (${answered.toLocaleString('en-GB')} answered in ${r.duration.toFixed(1)} s)`);
  log(`  latency: median ${formatMs(r.latency.p50)} ms, p99 ${formatMs(r.latency.p99)} ms (p90 ${formatMs(r.latency.p90)} ms, max ${formatMs(r.latency.max)} ms)`);
  log(`  errors: ${errors} (${r.non2xx} non-2xx, ${r.timeouts} timeouts, ${r.errors} connection errors, ${out.graphqlErrors} GraphQL errors)`);
  for (const sample of out.errorSamples) log(`    ${sample}`);
  for (const [name, times] of Object.entries(out.byQuery)) {
    const t = [...times].sort((a, b) => a - b);
    log(`    ${name.padEnd(18)} ${String(t.length).padStart(6)} answered, median ${formatMs(percentile(t, 0.5)).padStart(6)} ms, p99 ${formatMs(percentile(t, 0.99)).padStart(6)} ms, ` +
      `answer ${((out.answerBytes[name] ?? 0) / 1024).toFixed(0)} KB`);
  }
  if (imported) log(`  alongside: an import of ${imported.rows.toLocaleString('en-GB')} rows, ${imported.status} in ${imported.seconds.toFixed(1)} s`);
  const sorted = [...edits.latencies].sort((a, b) => a - b);
  log(`  alongside: ${edits.done} edits (record, move, resolve; median ${formatMs(percentile(sorted, 0.5))} ms, p99 ${formatMs(percentile(sorted, 0.99))} ms), ${edits.failed} failed`);
  for (const sample of edits.samples) log(`    ${sample}`);
  if (percentile(sorted, 1) > 10_000) log(`  warning: an edit waited ${(percentile(sorted, 1) / 1000).toFixed(0)} s for its answer`);
  log(`  machine after the run: load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (${elapsed.toFixed(0)} s in all)`);
  const met = errors === 0 && r.latency.p99 < 1000 && edits.failed === 0 && (imported === null || imported.status === 'committed');
  log(`  target (zero errors, dashboard p99 under 1 s): ${met ? 'met' : 'NOT met'}`);
}

/** Nearest rank on sorted values; 0 for none. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

function drive(input: LoadDriverInput): Promise<LoadDriverOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-driver.js', import.meta.url), { workerData: input });
    worker.on('message', (message: { kind?: string }) => {
      if (message?.kind !== 'load-result') return;
      resolve(message as LoadDriverOutput);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load driver stopped (exit code ${code})`)));
  });
}

/** QUERY_MAX_COST and QUERY_COST_PER_MINUTE when set (whole numbers), else the server's defaults. */
/**
 * Users who never pause ask about ten queries a second each: the per-user budget exists to
 * refuse exactly that, so without QUERY_COST_PER_MINUTE it is raised out of the way for them
 * (`--rate 0`) to measure the server; paced users get the server's own budget.
 */
const UNPACED_COST_PER_MINUTE = 100_000_000;

function queryLimitsFromEnv(unpaced: boolean): QueryLimits {
  const read = (name: string, fallback: number) => {
    const value = process.env[name]?.trim();
    if (!value) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${name} must be a whole number (got "${value}")`);
    return Number(value);
  };
  return {
    ...DEFAULT_QUERY_LIMITS,
    maxCost: read('QUERY_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost),
    costPerMinute: read('QUERY_COST_PER_MINUTE', unpaced ? UNPACED_COST_PER_MINUTE : DEFAULT_QUERY_LIMITS.costPerMinute),
  };
}

interface BenchUser {
  readonly role: string;
  readonly partnershipId: string;
  readonly partnershipCode: string;
  readonly cookie: string;
}

/**
 * Users with live sessions, made as the tests make them (straight into the database: no
 * password hashing, no sign-in rate limit), spread over the partnerships and the
 * dashboard's roles; plus a business-unit editor and importer of the Dudley partnership.
 */
async function signInUsers(ownerUrl: string, count: number): Promise<{ dashboard: BenchUser[]; editor: Editor; importer: BenchUser }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows: partnerships } = await client.query<{ id: string; code: string; protocol_id: string; template_code: string | null }>(
      `SELECT p.id::text, p.code, pr.id::text AS protocol_id, pr.template_code FROM partnership p
       JOIN protocol pr ON pr.partnership_id = p.id AND pr.is_active ORDER BY p.id`,
    );
    const make = async (role: string, partnership: { id: string; code: string }, n: number): Promise<BenchUser> => {
      const { rows: [user] } = await client.query<{ id: string }>(
        `INSERT INTO app_user (partnership_id, email, display_name, role) VALUES ($1, $2, $3, $4) RETURNING id::text`,
        [partnership.id, `load-${process.pid}-${n}@bench.example`, `Load user ${n}`, role],
      );
      const token = newSessionToken();
      await client.query(`INSERT INTO user_session (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '12 hours')`, [user!.id, hashSessionToken(token)]);
      return { role, partnershipId: partnership.id, partnershipCode: partnership.code, cookie: `${sessionCookieName(false)}=${token}` };
    };
    const dashboard: BenchUser[] = [];
    for (let i = 0; i < count; i += 1) dashboard.push(await make(ROLES[i % ROLES.length]!, partnerships[i % partnerships.length]!, i));
    const dudley = partnerships.find((p) => p.template_code === 'dudley') ?? partnerships[0]!;
    const editorUser = await make('business_unit', dudley, count);
    const importer = await make('business_unit', dudley, count + 1);
    const { rows: agencies } = await client.query<{ id: string; name: string }>(`SELECT id::text, name FROM agency WHERE partnership_id = $1 ORDER BY id`, [dudley.id]);
    const { rows: categories } = await client.query<{ code: string }>(
      `SELECT code FROM protocol_category WHERE partnership_id = $1 AND protocol_id = $2 ORDER BY display_order`, [dudley.id, dudley.protocol_id]);
    const { rows: stages } = await client.query<{ code: string }>(
      `SELECT code FROM protocol_stage WHERE partnership_id = $1 AND protocol_id = $2 ORDER BY ladder_order LIMIT 2`, [dudley.id, dudley.protocol_id]);
    const editor: Editor = {
      ...editorUser, agencyIds: agencies.map((a) => a.id), agencyNames: agencies.map((a) => a.name), categories: categories.map((c) => c.code),
      secondStage: stages[1]!.code,
    };
    return { dashboard, editor, importer };
  } finally {
    await client.end();
  }
}

function describeUsers(users: readonly BenchUser[]): string {
  const byRole = new Map<string, number>();
  for (const u of users) byRole.set(u.role, (byRole.get(u.role) ?? 0) + 1);
  const partnerships = new Set(users.map((u) => u.partnershipCode)).size;
  return `${[...byRole].map(([role, n]) => `${n} ${role.replace('_', ' ')}`).join(', ')} across ${partnerships} partnerships`;
}

interface Editor extends BenchUser {
  readonly agencyIds: readonly string[];
  readonly agencyNames: readonly string[];
  readonly categories: readonly string[];
  readonly secondStage: string;
}

async function send(url: string, cookie: string, body: string): Promise<{ data?: Record<string, { id: string; version: number }>; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
  return (await response.json()) as { data?: Record<string, { id: string; version: number }>; errors?: unknown[] };
}

/**
 * Records escalations, moves each up a stage and resolves it, one mutation every `everyMs`
 * (or straight after the last when it took longer; 0: back to back), until the load ends.
 */
async function editWhileRunning(url: string, editor: Editor, running: () => boolean, everyMs: number): Promise<{ done: number; failed: number; latencies: number[]; samples: string[] }> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let failed = 0;
  const begun = performance.now();
  let next = performance.now();
  const timed = async (query: string, input: Record<string, unknown>) => {
    while (performance.now() < next && running()) await new Promise((resolve) => setTimeout(resolve, Math.min(100, next - performance.now())));
    if (!running()) return null;
    const started = performance.now();
    next = started + everyMs;
    const answer = await send(url, editor.cookie, JSON.stringify({ query, variables: { input } }));
    const took = performance.now() - started;
    latencies.push(took);
    if (took > 5_000 && samples.length < 3) {
      samples.push(`${/mutation\(\$input: (\w+)Input/.exec(query)?.[1] ?? 'edit'} sent at ${((started - begun) / 1000).toFixed(1)} s took ${(took / 1000).toFixed(1)} s`);
    }
    if (answer.errors || !answer.data) {
      failed += 1;
      if (samples.length < 3) samples.push(JSON.stringify(answer.errors).slice(0, 300));
      return null;
    }
    return Object.values(answer.data)[0]!;
  };
  const at = (daysBefore: number) => new Date(BENCH_AS_OF.getTime() - daysBefore * DAY).toISOString();
  for (let n = 0; running(); n += 1) {
    const recorded = await timed(`mutation($input: RecordEscalationInput!) { recordEscalation(input: $input) { id version } }`, {
      partnershipId: editor.partnershipId, raisingAgencyId: editor.agencyIds[n % editor.agencyIds.length],
      receivingAgencyId: editor.agencyIds[(n + 1) % editor.agencyIds.length], categoryCode: editor.categories[n % editor.categories.length],
      urgency: 'STANDARD', raisedVia: 'PHONE', raisedAt: at(3), raisingRole: 'Social worker', summary: `Load benchmark escalation ${n}.`,
    });
    if (!recorded || !running()) continue;
    const moved = await timed(`mutation($input: MoveEscalationInput!) { moveEscalation(input: $input) { id version } }`, {
      partnershipId: editor.partnershipId, escalationId: recorded.id, expectedVersion: recorded.version, stageCode: editor.secondStage, enteredAt: at(2),
    });
    if (!moved || !running()) continue;
    await timed(`mutation($input: ResolveEscalationInput!) { resolveEscalation(input: $input) { id version } }`, {
      partnershipId: editor.partnershipId, escalationId: moved.id, expectedVersion: moved.version, closedAt: at(1),
      outcome: 'Agreed.', writtenConfirmationGiven: true, feedbackGiven: true,
    });
  }
  return { done: latencies.length - failed, failed, latencies, samples };
}

/** Uploads a synthetic Dudley-style log, checks it and commits it, as the web app does. */
async function importDuringLoad(url: string, ownerUrl: string, importer: BenchUser, rows: number): Promise<{ rows: number; seconds: number; status: string }> {
  const started = performance.now();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ei-load-'));
  try {
    const { agencies, categories } = await partnershipVocabulary(ownerUrl, importer.partnershipId);
    const file = path.join(folder, 'log.csv');
    await writeSyntheticLog(file, { rows, agencies, categories, prefix: `LOAD${process.pid}` });
    const uploaded = await fetch(`${url}/imports?partnershipId=${importer.partnershipId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'load-benchmark.csv', cookie: importer.cookie },
      body: new Blob([new Uint8Array(await readFile(file))]),
    });
    const session = (await uploaded.json()) as { id?: string; message?: string };
    if (!session.id) return { rows, seconds: (performance.now() - started) / 1000, status: `refused at upload (${session.message ?? uploaded.status})` };
    const call = async (query: string, variables: object) => {
      const answer = (await (await fetch(`${url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: importer.cookie }, body: JSON.stringify({ query, variables }),
      })).json()) as { data?: { result: Record<string, unknown> }; errors?: { message: string }[] };
      if (answer.errors) throw new Error(answer.errors[0]!.message);
      return answer.data!.result;
    };
    const ids = { p: importer.partnershipId, id: session.id };
    const suggestion = (await call(`query($p: ID!, $id: ID!) { result: suggestedImportMapping(partnershipId: $p, id: $id) {
      columns { header field stageCode } dateOrder excelSerialDates dateOnlyTime defaultUrgency defaultRaisedVia values { kind from to } } }`, ids)) as {
      columns: object[]; excelSerialDates: boolean; dateOnlyTime: string; defaultUrgency: string | null; defaultRaisedVia: string | null; values: object[];
    };
    await call(`mutation($input: SetImportMappingInput!) { result: setImportMapping(input: $input) { id } }`, {
      input: { partnershipId: ids.p, importId: ids.id, mapping: { ...suggestion, dateOrder: 'DAY_FIRST' } },
    });
    const wait = async () => {
      for (;;) {
        const s = (await call(`query($p: ID!, $id: ID!) { result: importSession(partnershipId: $p, id: $id) { status running } }`, ids)) as { status: string; running: boolean };
        if (!s.running && s.status !== 'VALIDATING' && s.status !== 'COMMITTING') return s.status;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    await call(`mutation($p: ID!, $id: ID!) { result: startImportDryRun(partnershipId: $p, id: $id) { id } }`, ids);
    const checked = await wait();
    if (checked !== 'VALIDATED') return { rows, seconds: (performance.now() - started) / 1000, status: `stopped at the check (${checked.toLowerCase()})` };
    await call(`mutation($p: ID!, $id: ID!) { result: commitImport(partnershipId: $p, id: $id) { id } }`, ids);
    const status = (await wait()).toLowerCase();
    return { rows, seconds: (performance.now() - started) / 1000, status };
  } catch (error) {
    return { rows, seconds: (performance.now() - started) / 1000, status: `failed (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function partnershipVocabulary(ownerUrl: string, partnershipId: string): Promise<{ agencies: string[]; categories: string[] }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const agencies = (await client.query<{ name: string }>(`SELECT name FROM agency WHERE partnership_id = $1 AND is_active ORDER BY id`, [partnershipId])).rows;
    const categories = (await client.query<{ code: string }>(
      `SELECT c.code FROM protocol_category c JOIN protocol p ON (p.partnership_id, p.id) = (c.partnership_id, c.protocol_id) AND p.is_active
       WHERE c.partnership_id = $1 ORDER BY c.display_order`, [partnershipId])).rows;
    return { agencies: agencies.map((a) => a.name), categories: categories.map((c) => c.code) };
  } finally {
    await client.end();
  }
}

/**
 * The cluster of .data/bench: the one already running (another benchmark's, found by its
 * postmaster.pid) when there is one, else started here and stopped at the end.
 */
async function benchCluster(): Promise<RunningPostgres> {
  const dataDir = path.join(REPO_ROOT, '.data', 'bench', 'postgres');
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const [pidLine, , , portLine] = (await readFile(pidFile, 'utf8')).split('\n');
    if (alive(Number(pidLine))) {
      const password = (await readFile(`${dataDir}.password`, 'utf8')).trim();
      const port = Number(portLine);
      const urlFor = (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
      return { url: urlFor('postgres'), urlFor, port, dataDir, stop: async () => undefined };
    }
  }
  return startBenchCluster(REPO_ROOT);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** A file-level copy of the data set, so that the import and edits never change the shared one. */
async function copyDataset(cluster: RunningPostgres, source: string, target: string): Promise<string> {
  await admin(cluster, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(target)} WITH (FORCE)`);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(target)} TEMPLATE ${pg.escapeIdentifier(source)} STRATEGY FILE_COPY`);
        return;
      } catch (error) {
        // Another benchmark connected to the data set: wait for it a little.
        if ((error as { code?: string }).code !== '55006' || attempt >= 60) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  });
  return target;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function admin<T>(cluster: RunningPostgres, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(cluster.urlFor('postgres'), work);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
}).then(() => process.exit(0));
