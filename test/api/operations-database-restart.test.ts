import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { clearStalePidFile, runMigrations, startEmbeddedPostgres, type InstalledPartnership, type RunningPostgres } from '@escalation-insights/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApp, type RunningApp } from '@escalation-insights/server';
import { DUDLEY } from '@escalation-insights/shared';
import { OPERATIONS } from '../support/escalation-api.js';
import { insertPartnership } from '../support/fixtures.js';
import { signIn, type SignedInUser } from '../support/sign-in.js';
import { postGraphql, type GraphqlResponse } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/** A refused request is answered within the connect timeout and a little more (a loaded machine): never a hang. */
const CONNECT_TIMEOUT_MS = 2_000;
const ANSWER_WITHIN_MS = CONNECT_TIMEOUT_MS + 3_000;

/**
 * What the client learnt: `acknowledged` (no error), `failed` (the mutation itself failed:
 * an error on its own field) or `written` (the mutation succeeded, but a field of its result,
 * read after the commit, failed: an error whose path lies below the mutation's field).
 */
type Outcome = 'acknowledged' | 'failed' | 'written';

interface WriteAttempt {
  readonly reference: string;
  readonly outcome: Outcome;
  /** The GraphQL error code of a write that did not come back whole. */
  readonly code: string | null;
  readonly httpStatus: number;
  readonly elapsedMs: number;
  readonly phase: Phase;
}

type Phase = 'before' | 'outage' | 'after';

/**
 * The app on a PostgreSQL cluster of its own (the shared test cluster must not be
 * stopped), stopped and started again under a stream of writes.
 */
describe('a database restart under a stream of writes', () => {
  let folder: string;
  let postgres: RunningPostgres;
  let server: RunningApp;
  let dudley: InstalledPartnership;
  let unit: SignedInUser;
  const logLines: string[] = [];
  const dataDir = () => path.join(folder, 'postgres');

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'ei-restart-'));
    await chmod(folder, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach the cluster inside
    postgres = await startEmbeddedPostgres({ dataDir: dataDir(), database: 'ei_restart' });
    await runMigrations(postgres.url);
    dudley = await insertPartnership(postgres.url, { template: DUDLEY });
    unit = await signIn(postgres.url, 'business_unit', { partnershipId: dudley.partnershipId });
    server = await createApp({
      databaseUrl: postgres.url,
      port: 0,
      outcomeRefreshMinutes: 0,
      databaseConnectTimeoutMs: CONNECT_TIMEOUT_MS,
      logging: { level: 'info', destination: { write: (line: string) => void logLines.push(line) } },
    });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await postgres?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  }, 60_000);

  /** Like postGraphql, but any answer is data: a body that is not GraphQL's shape fails the test where it is checked. */
  const post = async <T>(query: string, variables: object, cookie: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as GraphqlResponse<T> };
    } catch {
      return { status: response.status, body: { errors: [{ message: text, extensions: { code: `NOT_JSON ${text.slice(0, 200)}` } }] } as GraphqlResponse<T> };
    }
  };

  const readiness = async () => {
    const response = await fetch(`${server.url}/health/ready`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('reports not ready, refuses requests quickly with SERVICE_UNAVAILABLE, recovers by itself and loses no acknowledged write', async () => {
    const attempts: WriteAttempt[] = [];
    let phase: Phase = 'before';
    let writing = true;
    let counter = 0;

    const write = async (): Promise<void> => {
      const reference = `STREAM-${String(++counter).padStart(4, '0')}`;
      const at = phase;
      const started = Date.now();
      const response = await post<{ result: { reference: string } }>(OPERATIONS.record, {
        input: {
          partnershipId: dudley.partnershipId,
          reference,
          raisingAgencyId: dudley.agencyIds['Police'],
          raisingRole: 'Detective sergeant',
          receivingAgencyId: dudley.agencyIds["Children's Social Care"],
          categoryCode: 'agreed_action_not_completed',
          urgency: 'STANDARD',
          raisedVia: 'PHONE',
          summary: 'Written during a database restart.',
          raisedAt: '2025-03-03T09:00:00.000Z',
        },
      }, unit.cookie);
      const errors = response.body.errors ?? [];
      const outcome: Outcome = errors.length === 0 && response.body.data?.result.reference === reference ? 'acknowledged'
        : errors.length > 0 && errors.every((error) => (error.path?.length ?? 0) > 1) ? 'written' : 'failed';
      attempts.push({
        reference, outcome, phase: at, httpStatus: response.status, elapsedMs: Date.now() - started,
        code: outcome === 'acknowledged' ? null : (errors[0]?.extensions?.code ?? 'NONE'),
      });
    };
    // Two writers, so that writes are in flight when PostgreSQL stops.
    const stream = Promise.all([0, 1].map(async () => {
      while (writing) {
        await write();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }));
    const acknowledgedIn = (wanted: Phase) => attempts.filter((a) => a.phase === wanted && a.outcome === 'acknowledged').length;
    const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    try {
      await waitFor(() => acknowledgedIn('before') >= 10, 60_000, 'ten writes before the stop');
      expect(await readiness()).toMatchObject({ status: 200, body: { ready: true } });

      phase = 'outage';
      const port = postgres.port;
      await postgres.stop();
      const down = await readiness();
      expect(down).toEqual({
        status: 503,
        body: { status: 'not_ready', ready: false, reason: 'database_unreachable', database: false, pendingMigrations: null },
      });
      const health = await postGraphql<{ health: { status: string; database: boolean } }>(`${server.url}/graphql`, '{ health { status database } }');
      expect(health.body.data?.health).toEqual({ status: 'degraded', database: false });
      await waitFor(() => attempts.filter((a) => a.phase === 'outage' && a.outcome === 'failed').length >= 10, 30_000, 'ten refused writes');

      postgres = await startEmbeddedPostgres({ dataDir: dataDir(), database: 'ei_restart', port });
      await waitFor(async () => (await readiness()).status === 200, 30_000, 'readiness after the restart');
      phase = 'after';
      await waitFor(() => acknowledgedIn('after') >= 5, 30_000, 'five writes after the restart');
    } finally {
      writing = false;
      await stream;
    }

    // During the outage: every write refused with SERVICE_UNAVAILABLE, quickly; nothing else went wrong at any time.
    const failures = attempts.filter((a) => a.outcome !== 'acknowledged');
    expect(failures.length).toBeGreaterThanOrEqual(10);
    expect(new Set(failures.map((a) => a.code))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    expect(failures.every((a) => a.httpStatus === 200 || a.httpStatus === 503)).toBe(true);
    expect(Math.max(...failures.map((a) => a.elapsedMs))).toBeLessThan(ANSWER_WITHIN_MS);
    expect(acknowledgedIn('after')).toBeGreaterThanOrEqual(5);

    // Every acknowledged write is there, whole (its stage entry and audit event with it); every failed one is absent.
    const stored = await withClient(postgres.url, async (client) => (await client.query<{ reference: string; stages: number; audits: number }>(
      `SELECT e.reference,
              (SELECT count(*)::int FROM stage_entry s WHERE s.escalation_id = e.id) AS stages,
              (SELECT count(*)::int FROM audit_event a WHERE a.entity_type = 'escalation' AND a.entity_id = e.id::text AND a.action = 'escalation.recorded') AS audits
         FROM escalation e WHERE e.partnership_id = $1 ORDER BY e.reference`,
      [dudley.partnershipId],
    )).rows);
    const written = attempts.filter((a) => a.outcome !== 'failed').map((a) => a.reference).sort();
    expect(stored.map((row) => row.reference)).toEqual(written);
    expect(stored.every((row) => row.stages === 1 && row.audits === 1)).toBe(true);
    const recordedEvents = await withClient(postgres.url, async (client) => (await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE partnership_id = $1 AND action = 'escalation.recorded'`, [dudley.partnershipId],
    )).rows[0]!.n);
    expect(recordedEvents).toBe(written.length);

    // The outage is in the logs, each line of a request carrying its id; the process never crashed to get here.
    const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const refusedLines = lines.filter((line) => line['context'] === 'HTTP' && (line['graphql'] as { errorCodes?: string[] } | undefined)?.errorCodes?.includes('SERVICE_UNAVAILABLE'));
    const refusedBeforeResolvers = lines.filter((line) => line['context'] === 'HTTP' && (line['res'] as { statusCode?: number } | undefined)?.statusCode === 503);
    expect(refusedLines.length + refusedBeforeResolvers.length).toBeGreaterThan(0);
    expect([...refusedLines, ...refusedBeforeResolvers].every((line) => typeof line['requestId'] === 'string')).toBe(true);
    const healthWarning = lines.find((line) => line['context'] === 'HealthService' && String(line['msg']).startsWith('Database check failed'));
    expect(healthWarning?.['requestId']).toEqual(expect.any(String));
  }, 240_000);
});

describe('the pid file of an embedded PostgreSQL', () => {
  let folder: string;
  let postgres: RunningPostgres | undefined;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'ei-pid-'));
    await chmod(folder, 0o755);
  });
  afterAll(async () => {
    await postgres?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('is cleared when left by a process that is gone or is not PostgreSQL, never while PostgreSQL runs on the folder', async () => {
    const stale = path.join(folder, 'stale');
    await mkdir(stale);
    const pidFile = path.join(stale, 'postmaster.pid');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!; // exited already
    for (const pid of [gone, process.pid]) {
      await writeFile(pidFile, `${pid}\n${stale}\n`);
      await clearStalePidFile(stale);
      await expect(readFile(pidFile, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    }

    const dataDir = path.join(folder, 'postgres');
    postgres = await startEmbeddedPostgres({ dataDir, database: 'ei_pid' });
    const running = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
    await expect(startEmbeddedPostgres({ dataDir, database: 'ei_pid' })).rejects.toThrow(/A PostgreSQL \(process \d+\) is already running on/);
    expect(await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).toBe(running);
    await withClient(postgres.url, (client) => client.query('SELECT 1'));
  }, 120_000);
});
