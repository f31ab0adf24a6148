import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InstalledPartnership } from '@escalation-insights/database';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { writeSyntheticLog } from '@escalation-insights/server';
import { DUDLEY } from '@escalation-insights/shared';
import { insertPartnership, STANDARD_AGENCIES } from '../support/fixtures.js';
import { importApi, mappingFrom, upload, waitForImport } from '../support/import-api.js';
import { signIn, type SignedInUser } from '../support/sign-in.js';
import { postGraphql } from '../support/test-app.js';
import { createTestDatabase, withClient, type TestDatabase } from '../support/test-database.js';

/** How `npm start` runs the server, after building it. */
const MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));

interface LogLine {
  readonly level: string;
  readonly msg: string;
  readonly context?: string;
  readonly [key: string]: unknown;
}

/** The built server as a child process, its JSON log lines collected as they come. */
class ServerProcess {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0',
        SEED_DEMO_DATA: 'false', SERVE_WEB: 'false', OUTCOME_REFRESH_MINUTES: '0', LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const line of complete.filter((l) => l.trim() !== '')) this.lines.push(JSON.parse(line) as LogLine);
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  }

  /** The address from the "is running at" line. */
  async url(timeoutMs = 120_000): Promise<string> {
    const line = await this.waitForLine((l) => l.msg.startsWith('Escalation Insights is running at '), timeoutMs);
    return line.msg.replace('Escalation Insights is running at ', '').trim();
  }

  async waitForLine(matches: (line: LogLine) => boolean, timeoutMs: number): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find(matches);
      if (found) return found;
      if (this.child.exitCode !== null) throw new Error(`the server exited (${this.child.exitCode}): ${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`no such log line in ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  terminate(): number {
    this.child.kill('SIGTERM');
    return Date.now();
  }

  /** Messages of one context, in order. */
  messages(context: string): string[] {
    return this.lines.filter((line) => line.context === context).map((line) => line.msg);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** Polls until `check` holds, returning what it last saw. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('shutting down on SIGTERM', () => {
  let database: TestDatabase;
  let dudley: InstalledPartnership;
  let unit: SignedInUser;
  let server: ServerProcess | undefined;
  const folder = path.join(tmpdir(), `ei-shutdown-${process.pid}`);
  const bigLog = path.join(folder, 'big.csv');
  const smallLog = path.join(folder, 'small.csv');

  beforeAll(async () => {
    database = await createTestDatabase();
    dudley = await insertPartnership(database.url, { template: DUDLEY });
    unit = await signIn(database.url, 'business_unit', { partnershipId: dudley.partnershipId });
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    const options = { agencies: STANDARD_AGENCIES.map((a) => a.name), categories: DUDLEY.categories.map((c) => c.code) };
    await writeSyntheticLog(bigLog, { rows: 20_000, ...options });
    await writeSyntheticLog(smallLog, { rows: 1_500, ...options });
  }, 120_000);
  afterEach(() => server?.kill());
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await database?.drop();
  });

  /** Uploads a file, maps it and starts its commit; resolves once the commit has written `rows` rows. */
  async function commitUnderWay(url: string, file: string, rows: number): Promise<string> {
    const id = (await upload(url, unit.cookie, dudley.partnershipId, path.basename(file), await readFile(file))).body.id!;
    const suggestion = await importApi.suggestion(withCookie(url), dudley.partnershipId, id);
    await importApi.setMapping(withCookie(url), dudley.partnershipId, id, mappingFrom(suggestion, { dateOrder: 'DAY_FIRST' }));
    await importApi.commit(withCookie(url), dudley.partnershipId, id);
    const writing = await waitForImport(withCookie(url), dudley.partnershipId, id, (s) => s.progress.rowsWritten >= rows || s.status !== 'COMMITTING', 240_000);
    expect(writing.status).toBe('COMMITTING');
    return id;
  }
  const withCookie = (url: string) => ({
    graphql: async <T>(query: string, variables?: object) => (await postGraphql<T>(`${url}/graphql`, query, variables, unit.cookie)).body,
  });
  const stored = () => withClient(database.url, async (client) => {
    const count = async (sql: string) => (await client.query(sql, [dudley.partnershipId])).rows[0].n as number;
    return {
      escalations: await count('SELECT count(*)::int AS n FROM escalation WHERE partnership_id = $1'),
      stageEntries: await count('SELECT count(*)::int AS n FROM stage_entry WHERE partnership_id = $1'),
      facts: await count('SELECT count(*)::int AS n FROM analytics_escalation WHERE partnership_id = $1'),
      audit: await count(`SELECT count(*)::int AS n FROM audit_event WHERE partnership_id = $1 AND action = 'escalations.imported'`),
    };
  });
  const session = (id: string) => withClient(database.url, async (client) =>
    (await client.query<{ status: string; error: string | null }>('SELECT status, error FROM import_session WHERE partnership_id = $1 AND id = $2', [dudley.partnershipId, id])).rows[0]);

  it('refuses new requests at once, rolls back an import still running when the grace period ends, and exits 0 in time', async () => {
    const graceMs = 1_000;
    server = new ServerProcess({ DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: String(graceMs) });
    const url = await server.url();
    const before = await stored();
    const id = await commitUnderWay(url, bigLog, 2_000);

    const signalled = server.terminate();
    // Readiness turns false at once, saying why; new requests are refused with the stable code, not started.
    const ready = await eventually(
      async () => { const r = await fetch(`${url}/health/ready`); return { status: r.status, body: await r.json() as Record<string, unknown> }; },
      (r) => r.status === 503, 2_000);
    expect(ready).toMatchObject({ status: 503, body: { status: 'not_ready', ready: false, reason: 'shutting_down' } });
    const refused = await postGraphql<unknown>(`${url}/graphql`, '{ health { status } }', {}, unit.cookie);
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });

    const exit = await server.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    // The grace period, the stopped import's roll-back and closing the pool: well inside the documented bound.
    expect(exit.at - signalled).toBeLessThan(graceMs + 10_000);

    // All or nothing: here nothing, since the import was stopped; its session says so.
    expect(await stored()).toEqual(before);
    expect(await session(id)).toEqual({ status: 'failed', error: 'The server shut down before the import finished. Nothing was written.' });
    expect(server.messages('Shutdown')).toEqual([
      expect.stringMatching(/^SIGTERM: shutting down \(within \d+ ms\)$/),
      'Stopping the app',
      // A request still being answered when the signal came (e.g. a progress poll) is listed first.
      expect.stringMatching(new RegExp(`^Waiting up to ${graceMs} ms for (\\d+ requests?, )?import ${id} \\(commit\\)$`)),
      `Still running after ${graceMs} ms: import ${id} (commit). Stopping it`,
      'HTTP server closed',
      'Connection pool closed',
      'Stopped',
    ]);
  }, 300_000);

  it('lets an import finish within the grace period, then exits 0', async () => {
    server = new ServerProcess({ DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: '240000' });
    const url = await server.url();
    const before = await stored();
    const id = await commitUnderWay(url, smallLog, 0);

    server.terminate();
    const exit = await server.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(await session(id)).toEqual({ status: 'committed', error: null });
    expect(await stored()).toEqual({
      escalations: before.escalations + 1_500, stageEntries: expect.any(Number), facts: before.facts + 1_500, audit: before.audit + 1,
    });
    expect(server.messages('Shutdown')).toEqual([
      expect.stringMatching(/^SIGTERM: shutting down/),
      'Stopping the app',
      `Waiting up to 240000 ms for import ${id} (commit)`,
      'HTTP server closed',
      'Connection pool closed',
      'Stopped',
    ]);
  }, 300_000);

  it('stops the embedded PostgreSQL last, after the connection pool', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ei-shutdown-embedded-'));
    await chmod(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach the cluster inside
    try {
      server = new ServerProcess({ DATA_DIR: dataDir });
      const url = await server.url(180_000);
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      server.terminate();
      expect(await server.exited).toMatchObject({ code: 0, signal: null });
      const order = server.lines
        .filter((line) => ['Shutdown', 'EscalationInsights'].includes(line.context ?? ''))
        .map((line) => line.msg)
        .filter((msg) => /^(Stopping|HTTP server closed|Connection pool closed|Embedded PostgreSQL stopped|Stopped)/.test(msg));
      expect(order).toEqual([
        'Stopping the app', 'HTTP server closed', 'Connection pool closed',
        'Stopping the embedded PostgreSQL', 'Embedded PostgreSQL stopped', 'Stopped',
      ]);
      expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
