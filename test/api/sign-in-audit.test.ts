import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOCKOUT } from '@escalation-insights/server';
import { DUDLEY } from '@escalation-insights/shared';
import { insertPartnership } from '../support/fixtures.js';
import { createUser } from '../support/sign-in.js';
import { startTestApp, type HttpGraphqlResponse, type TestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * Sign-in, failure, lock-out and sign-out events in the audit trail: in the account's
 * partnership's chain (or the chain of no partnership), naming the account only when the
 * email typed is one, and never holding a password or other text typed into the form.
 * Then TRUST_PROXY: whose address the events and the sign-in rate limit use.
 */

const PASSWORD = 'a password long enough';
const SIGN_IN = 'mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { id } }';

interface StoredEvent {
  id: string;
  partnership_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: { before: Record<string, unknown>; after: Record<string, unknown> };
  request_ip: string | null;
}

async function events(app: TestApp, where = 'true', values: unknown[] = []): Promise<StoredEvent[]> {
  return withClient(app.databaseUrl, async (client) =>
    (await client.query<StoredEvent>(
      `SELECT id::text AS id, partnership_id::text AS partnership_id, actor_user_id::text AS actor_user_id, actor_label, action,
              entity_type, entity_id, changes, request_ip
       FROM audit_event WHERE ${where} ORDER BY audit_event.id`,
      values,
    )).rows,
  );
}

/** How many audit events hold `text` anywhere (case-insensitive). */
async function eventsHolding(app: TestApp, text: string): Promise<number> {
  const [row] = await withClient(app.databaseUrl, async (client) =>
    (await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event e WHERE position(lower($1) IN lower(row_to_json(e)::text)) > 0`,
      [text],
    )).rows,
  );
  return row!.n;
}

function codes(response: HttpGraphqlResponse<unknown>): (string | undefined)[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}

function cookieFrom(response: HttpGraphqlResponse<unknown>): string {
  const [cookie] = response.headers.getSetCookie();
  if (!cookie) throw new Error('no Set-Cookie in the response');
  return cookie.split(';')[0]!;
}

describe('sign-in events in the audit trail', () => {
  let app: TestApp;
  let partnershipId: string;

  beforeAll(async () => {
    app = await startTestApp({
      auth: { signInAttemptsPerMinute: 1000 },
      seed: async (url) => {
        partnershipId = (await insertPartnership(url, { template: DUDLEY })).partnershipId;
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const newUser = (options: { isActive?: boolean } = {}) => createUser(app.databaseUrl, 'business_unit', { partnershipId, password: PASSWORD, ...options });
  const signIn = (email: string, password: string, cookie?: string) => app.request<{ signIn: { id: string } }>(SIGN_IN, { email, password }, cookie);
  const about = (userId: string) => events(app, 'entity_id = $1', [userId]);

  it("records a wrong password against the account, in its partnership's chain, without the password", async () => {
    const user = await newUser();
    expect(codes(await signIn(user.email.toUpperCase(), 'Wrong Secret 9431'))).toEqual(['SIGN_IN_FAILED']);
    expect(await about(user.id)).toEqual([
      expect.objectContaining({
        partnership_id: partnershipId,
        actor_user_id: null,
        actor_label: 'anonymous',
        action: 'user.sign_in_failed',
        entity_type: 'app_user',
        changes: { before: {}, after: { email: user.email, reason: 'wrong_password' } },
        request_ip: expect.stringMatching(/127\.0\.0\.1$/),
      }),
    ]);
    expect(await eventsHolding(app, 'Wrong Secret 9431')).toBe(0);
  });

  it('records a failure with an unknown email outside any partnership, without the text typed', async () => {
    const before = (await events(app, 'partnership_id IS NULL')).length;
    expect(codes(await signIn('Nobody.Typed.This@elsewhere.example', 'Typed Password 5521'))).toEqual(['SIGN_IN_FAILED']);
    // Text that is no email at all is refused at the edge, before anything is looked up or written.
    expect(codes(await signIn('my-Real-Password-8876', 'x'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await signIn('Secret-Pass-4410@nowhere.example', 'x'))).toEqual(['SIGN_IN_FAILED']);
    const outside = (await events(app, 'partnership_id IS NULL')).slice(before);
    expect(outside.map((e) => [e.action, e.entity_id, e.actor_label, e.changes])).toEqual([
      ['user.sign_in_failed', null, 'anonymous', { before: {}, after: { reason: 'unknown_email' } }],
      ['user.sign_in_failed', null, 'anonymous', { before: {}, after: { reason: 'unknown_email' } }],
    ]);
    for (const typed of ['Nobody.Typed.This', 'elsewhere.example', 'Typed Password 5521', 'my-Real-Password-8876', 'Secret-Pass-4410']) {
      expect([typed, await eventsHolding(app, typed)]).toEqual([typed, 0]);
    }
  });

  it(`records the lock-out at the ${LOCKOUT.maxFailures}th failure, then refusals while locked, and no sign-in`, async () => {
    const user = await newUser();
    for (let attempt = 1; attempt <= LOCKOUT.maxFailures; attempt++) {
      expect(codes(await signIn(user.email, `guess ${attempt}`))).toEqual(['SIGN_IN_FAILED']);
    }
    expect(codes(await signIn(user.email, PASSWORD))).toEqual(['SIGN_IN_FAILED']);
    const seen = await about(user.id);
    expect(seen.map((e) => [e.action, e.changes.after['reason'] ?? null])).toEqual([
      ...Array.from({ length: LOCKOUT.maxFailures }, () => ['user.sign_in_failed', 'wrong_password']),
      ['user.locked_out', null],
      ['user.sign_in_failed', 'account_locked'],
    ]);
    const [{ locked_until }] = await withClient(app.databaseUrl, async (client) =>
      (await client.query<{ locked_until: Date }>('SELECT locked_until FROM app_user WHERE id = $1', [user.id])).rows,
    ) as [{ locked_until: Date }];
    expect(seen[LOCKOUT.maxFailures]!.changes.after).toEqual({ email: user.email, lockedUntil: locked_until.toISOString() });
  });

  it('records an inactive account’s attempt as such', async () => {
    const user = await newUser({ isActive: false });
    expect(codes(await signIn(user.email, PASSWORD))).toEqual(['SIGN_IN_FAILED']);
    expect((await about(user.id)).map((e) => e.changes.after)).toEqual([{ email: user.email, reason: 'account_inactive' }]);
  });

  it('records a sign-in and its sign-out by the user, once, with the session they share', async () => {
    const user = await newUser();
    const response = await signIn(user.email, PASSWORD);
    expect(response.body.errors).toBeUndefined();
    const cookie = cookieFrom(response);
    expect((await app.request<{ signOut: boolean }>('mutation { signOut }', {}, cookie)).body.data).toEqual({ signOut: true });
    expect((await app.request<{ signOut: boolean }>('mutation { signOut }', {}, cookie)).body.data).toEqual({ signOut: false });
    const seen = await about(user.id);
    expect(seen.map((e) => [e.action, e.partnership_id, e.actor_user_id, e.actor_label])).toEqual([
      ['user.signed_in', partnershipId, user.id, user.email],
      ['user.signed_out', partnershipId, user.id, user.email],
    ]);
    const [sessionId] = await withClient(app.databaseUrl, async (client) =>
      (await client.query<{ id: string }>('SELECT id::text AS id FROM user_session WHERE user_id = $1', [user.id])).rows.map((row) => row.id),
    );
    expect(seen.map((e) => e.changes.after)).toEqual([{ sessionId }, { sessionId }]);
    expect(await eventsHolding(app, PASSWORD)).toBe(0);
  });

  it('keeps every chain intact: the partnership’s, and that of no partnership where a national viewer’s sign-in goes', async () => {
    const national = await createUser(app.databaseUrl, 'national_viewer', { password: PASSWORD });
    expect((await signIn(national.email, PASSWORD)).body.errors).toBeUndefined();
    expect((await about(national.id)).map((e) => [e.action, e.partnership_id])).toEqual([['user.signed_in', null]]);
    const administrator = await app.as('administrator');
    const verify = async (p: string | null) =>
      (await administrator.graphql<{ verifyAuditChain: { valid: boolean; eventsChecked: number } }>(
        'query($p: ID) { verifyAuditChain(partnershipId: $p) { valid eventsChecked } }',
        { p },
      )).data!.verifyAuditChain;
    const count = async (where: string, values: unknown[]) => (await events(app, where, values)).length;
    expect(await verify(partnershipId)).toEqual({ valid: true, eventsChecked: await count('partnership_id = $1', [partnershipId]) });
    expect(await verify(null)).toEqual({ valid: true, eventsChecked: await count('partnership_id IS NULL', []) });
  });
});

describe('TRUST_PROXY: whose address counts', () => {
  async function signInFrom(app: TestApp, forwardedFor: string, email: string): Promise<(string | undefined)[]> {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ query: SIGN_IN, variables: { email, password: 'guess' } }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return (body.errors ?? []).map((error) => error.extensions?.code);
  }

  const lastFailureIp = async (app: TestApp) => (await events(app, `action = 'user.sign_in_failed'`)).at(-1)!.request_ip;

  describe('off (the default)', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ auth: { signInAttemptsPerMinute: 2 } });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('ignores X-Forwarded-For: a client cannot pick its address, for the trail or for the rate limit', async () => {
      expect(await signInFrom(app, '203.0.113.7', 'nobody@test.example')).toEqual(['SIGN_IN_FAILED']);
      expect(await lastFailureIp(app)).toMatch(/127\.0\.0\.1$/);
      expect(await signInFrom(app, '203.0.113.8', 'nobody@test.example')).toEqual(['SIGN_IN_FAILED']);
      expect(await signInFrom(app, '203.0.113.9', 'nobody@test.example')).toEqual(['RATE_LIMITED']);
    });
  });

  describe('naming the proxy (loopback)', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ auth: { signInAttemptsPerMinute: 2 }, trustProxy: ['loopback'] });
    });
    afterAll(async () => {
      await app?.close();
    });

    it("takes the client's address from the proxy: in the trail, and one rate limit per client", async () => {
      expect(await signInFrom(app, '203.0.113.7', 'nobody@test.example')).toEqual(['SIGN_IN_FAILED']);
      expect(await lastFailureIp(app)).toBe('203.0.113.7');
      expect(await signInFrom(app, '203.0.113.7', 'nobody@test.example')).toEqual(['SIGN_IN_FAILED']);
      expect(await signInFrom(app, '203.0.113.7', 'nobody@test.example')).toEqual(['RATE_LIMITED']);
      // Another client behind the same proxy has an allowance of its own.
      expect(await signInFrom(app, '198.51.100.4', 'nobody@test.example')).toEqual(['SIGN_IN_FAILED']);
      expect(await lastFailureIp(app)).toBe('198.51.100.4');
      // Only the hop the trusted proxy added counts: what the client wrote before it is not believed.
      expect(await signInFrom(app, '192.0.2.99, 198.51.100.5', 'nobody@test.example')).toEqual(['SIGN_IN_FAILED']);
      expect(await lastFailureIp(app)).toBe('198.51.100.5');
    });
  });
});
