import type { InstalledPartnership } from '@escalation-insights/database';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AppConfigError, createApp, createRootLogger, loadAppConfig, type RunningApp } from '@escalation-insights/server';
import { DUDLEY } from '@escalation-insights/shared';
import { TIMELINE } from '../support/escalation-api.js';
import { insertPartnership } from '../support/fixtures.js';
import { createUser, signIn, type SignedInUser } from '../support/sign-in.js';
import { createTestDatabase, withClient, type TestDatabase } from '../support/test-database.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RECORD = `mutation RecordFromLogTest($input: RecordEscalationInput!) { result: recordEscalation(input: $input) { ...Timeline } } ${TIMELINE}`;
const SIGN_IN = 'mutation SignInFromLogTest($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { id } }';

/** Personal details sent in requests, none of which may reach a log line. */
const SECRET = {
  password: 'correct-horse-battery-staple-42',
  summary: 'Zebedee Quillfeather was left without a plan',
  childReference: 'NHS-943-476-5919',
  bearer: 'Bearer sk-do-not-log-this-token',
};

type LogLine = Record<string, unknown> & { level: string; time: string; msg: string; requestId?: string };

describe('structured logs and request ids', () => {
  let database: TestDatabase;
  let server: RunningApp;
  let dudley: InstalledPartnership;
  let unit: SignedInUser;
  let raw: string[] = [];
  const lines = (): LogLine[] => raw.map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    database = await createTestDatabase();
    dudley = await insertPartnership(database.url, { template: DUDLEY });
    unit = await signIn(database.url, 'business_unit', { partnershipId: dudley.partnershipId });
    server = await createApp({
      databaseUrl: database.url,
      port: 0,
      outcomeRefreshMinutes: 0,
      logging: { level: 'info', destination: { write: (line: string) => void raw.push(line) } },
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });
  beforeEach(() => {
    raw = [];
  });

  const post = async (query: string, variables: object, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { requestId: response.headers.get('x-request-id'), body: (await response.json()) as { data?: { result?: { id: string } }; errors?: unknown[] } };
  };
  const record = (reference: string, headers: Record<string, string>) => post(RECORD, {
    input: {
      partnershipId: dudley.partnershipId, reference,
      raisingAgencyId: dudley.agencyIds['Police'], raisingRole: 'Detective sergeant', receivingAgencyId: dudley.agencyIds["Children's Social Care"],
      categoryCode: 'agreed_action_not_completed', urgency: 'STANDARD', raisedVia: 'PHONE',
      summary: SECRET.summary, childReference: SECRET.childReference, raisedAt: '2025-03-03T09:00:00.000Z',
    },
  }, { cookie: unit.cookie, ...headers });
  const auditRequestId = (escalationId: string) => withClient(database.url, async (client) => (await client.query<{ request_id: string }>(
    `SELECT request_id FROM audit_event WHERE action = 'escalation.recorded' AND entity_id = $1`, [escalationId],
  )).rows.map((row) => row.request_id));
  /** The request's one line, written when its response ends (just after the client has it). */
  const requestLine = async (requestId: string): Promise<LogLine> => {
    for (let tries = 0; tries < 100; tries++) {
      const line = lines().find((l) => l['context'] === 'HTTP' && l.requestId === requestId);
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no log line for request ${requestId}`);
  };

  it('keeps a well-formed X-Request-Id: the response header, the log line and the audit event all carry it', async () => {
    const sent = await record('LOG-0001', { 'x-request-id': 'gateway-7f3a:42' });
    expect(sent.body.errors).toBeUndefined();
    expect(sent.requestId).toBe('gateway-7f3a:42');
    expect(await auditRequestId(sent.body.data!.result!.id)).toEqual(['gateway-7f3a:42']);
    expect(await requestLine('gateway-7f3a:42')).toMatchObject({
      level: 'info',
      msg: expect.stringMatching(/^POST \/graphql 200 \(mutation RecordFromLogTest\) \d+ ms$/),
      req: { method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
      graphql: { name: 'RecordFromLogTest', type: 'mutation', errorCodes: [] },
      responseTime: expect.any(Number),
    });
  });

  it('replaces a malformed or missing X-Request-Id with a new UUID, used everywhere alike', async () => {
    for (const [reference, headers] of [['LOG-0002', { 'x-request-id': 'has spaces; and <tags>' }], ['LOG-0003', {}]] as const) {
      const sent = await record(reference, headers);
      expect(sent.requestId).toMatch(UUID);
      expect(await auditRequestId(sent.body.data!.result!.id)).toEqual([sent.requestId]);
      expect((await requestLine(sent.requestId!)).graphql).toMatchObject({ name: 'RecordFromLogTest' });
    }
    const ids = await withClient(database.url, async (client) => (await client.query(`SELECT count(DISTINCT request_id)::int AS n FROM audit_event`)).rows[0].n);
    expect(ids).toBeGreaterThanOrEqual(3);
  });

  it('gives plain HTTP routes a request id too', async () => {
    const response = await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': 'probe-1' } });
    expect(response.headers.get('x-request-id')).toBe('probe-1');
  });

  it('logs operation names and error codes, never cookies, credentials, passwords, variables or bodies', async () => {
    const user = await createUser(database.url, 'business_unit', { partnershipId: dudley.partnershipId, password: SECRET.password });
    const signedIn = await post(SIGN_IN, { email: user.email, password: SECRET.password }, { authorization: SECRET.bearer });
    expect(signedIn.body.errors).toBeUndefined();
    const refused = await post(SIGN_IN, { email: user.email, password: `${SECRET.password}-wrong` }, { authorization: SECRET.bearer });
    expect(refused.body.errors).toHaveLength(1);
    await record('LOG-0004', { authorization: SECRET.bearer });
    const token = unit.cookie.split('=')[1]!;

    await requestLine(refused.requestId!);
    const text = raw.join('');
    for (const secret of [SECRET.password, SECRET.summary, SECRET.childReference, 'sk-do-not-log-this-token', token, user.email, 'LOG-0004']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/cookie|authorization|variables/i);
    expect((await requestLine(refused.requestId!))).toMatchObject({
      level: 'info',
      graphql: { name: 'SignInFromLogTest', type: 'mutation', errorCodes: ['SIGN_IN_FAILED'] },
    });
  });

  it('writes one JSON object a line: level as a word, an ISO time, the service', async () => {
    await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ health { status } }"}' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(raw.length).toBeGreaterThan(0);
    for (const line of lines()) {
      expect(line).toMatchObject({ service: 'escalation-insights', level: expect.stringMatching(/^(trace|debug|info|warn|error|fatal)$/) });
      expect(new Date(line.time).toISOString()).toBe(line.time);
    }
  });
});

describe('the root logger', () => {
  it('redacts passwords, cookies, credentials, GraphQL variables and bodies handed to it by mistake', () => {
    const written: string[] = [];
    const logger = createRootLogger({ level: 'info', format: 'json', destination: { write: (line: string) => void written.push(line) } });
    logger.warn({
      password: 'p1', user: { password: 'p2' }, variables: { summary: 's1' }, body: 'b1', operation: { variables: { a: 'v1' }, body: 'b2' },
      req: { headers: { cookie: 'c1', authorization: 'a1', 'user-agent': 'kept' } }, headers: { cookie: 'c2' },
    }, 'a careless line');
    const line = JSON.parse(written[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      msg: 'a careless line', password: '[redacted]', user: { password: '[redacted]' }, variables: '[redacted]', body: '[redacted]',
      operation: { variables: '[redacted]', body: '[redacted]' }, req: { headers: { cookie: '[redacted]', authorization: '[redacted]', 'user-agent': 'kept' } },
      headers: { cookie: '[redacted]' },
    });
    expect(written[0]).not.toMatch(/p1|p2|s1|b1|b2|v1|c1|c2|a1/);
  });

  it("keeps an error's class, message, code and stack, not the values a failed statement carries", () => {
    const written: string[] = [];
    const logger = createRootLogger({ level: 'info', format: 'json', destination: { write: (line: string) => void written.push(line) } });
    class QueryFailed extends Error {}
    const error = Object.assign(new QueryFailed('duplicate key value violates unique constraint "escalation_reference_key"'), {
      code: '23505', detail: 'Key (reference)=(Zebedee-Quill) already exists.', parameters: ['Zebedee-Quill'], driverError: { detail: 'Zebedee-Quill' },
    });
    logger.error({ err: error }, 'a statement failed');
    const line = JSON.parse(written[0]!) as { err: Record<string, unknown> };
    expect(Object.keys(line.err).sort()).toEqual(['code', 'message', 'stack', 'type']);
    expect(line.err).toMatchObject({ type: 'QueryFailed', code: '23505', message: error.message });
    expect(written[0]).not.toContain('Zebedee');
  });

  it('writes nothing at level silent', () => {
    const written: string[] = [];
    const logger = createRootLogger({ level: 'silent', format: 'json', destination: { write: (line: string) => void written.push(line) } });
    logger.error('not written');
    expect(written).toEqual([]);
  });
});

describe('logging and shutdown settings from the environment', () => {
  const load = (env: Record<string, string>) => loadAppConfig({ NODE_ENV: 'test', ...env }, () => undefined).operations;

  it('defaults to info, JSON (pretty only in development), a 20 s grace period, a 5 s connect timeout, answers kept 30 s and superseded ones sent for 5 s', () => {
    expect(load({})).toEqual({
      logLevel: 'info', logFormat: 'json', shutdownGraceMs: 20_000, databaseConnectTimeoutMs: 5_000, analyticsCacheSeconds: 30, analyticsStaleSeconds: 5,
    });
    expect(loadAppConfig({ NODE_ENV: 'development' }, () => undefined).operations.logFormat).toBe('pretty');
  });

  it('takes LOG_LEVEL, LOG_FORMAT, SHUTDOWN_GRACE_MS, DATABASE_CONNECT_TIMEOUT_MS, ANALYTICS_CACHE_SECONDS and ANALYTICS_STALE_SECONDS', () => {
    expect(load({
      LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'pretty', SHUTDOWN_GRACE_MS: '1500', DATABASE_CONNECT_TIMEOUT_MS: '800', ANALYTICS_CACHE_SECONDS: '0', ANALYTICS_STALE_SECONDS: '0',
    })).toEqual({ logLevel: 'debug', logFormat: 'pretty', shutdownGraceMs: 1500, databaseConnectTimeoutMs: 800, analyticsCacheSeconds: 0, analyticsStaleSeconds: 0 });
  });

  it('refuses values it cannot use, naming each', () => {
    const bad = { LOG_LEVEL: 'verbose', LOG_FORMAT: 'xml', SHUTDOWN_GRACE_MS: '20s', DATABASE_CONNECT_TIMEOUT_MS: '0', ANALYTICS_CACHE_SECONDS: '7200', ANALYTICS_STALE_SECONDS: '-1' };
    expect(() => load(bad)).toThrow(AppConfigError);
    try {
      load(bad);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")');
      expect(message).toContain('LOG_FORMAT must be one of json, pretty (got "xml")');
      expect(message).toContain('SHUTDOWN_GRACE_MS must be a whole number of milliseconds');
      expect(message).toContain('DATABASE_CONNECT_TIMEOUT_MS must be a whole number of milliseconds from 100');
      expect(message).toContain('ANALYTICS_CACHE_SECONDS must be a whole number of seconds from 0 to 3600 (got "7200")');
      expect(message).toContain('ANALYTICS_STALE_SECONDS must be a whole number of seconds from 0 to 60 (got "-1")');
    }
  });
});
