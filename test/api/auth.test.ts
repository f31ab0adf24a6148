import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoEmail, ensureDemoUsers, ensureFirstAdministrator, LOCKOUT } from '@escalation-insights/server';
import { DUDLEY, USER_ROLES } from '@escalation-insights/shared';
import { insertPartnership } from '../support/fixtures.js';
import { createUser } from '../support/sign-in.js';
import { startTestApp, type HttpGraphqlResponse, type TestApp } from '../support/test-app.js';
import { createTestDatabase, withClient } from '../support/test-database.js';

const PASSWORD = 'correct horse battery staple';
const SIGN_IN = 'mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { id email role partnershipId seesRecordLevelDetail } }';
const ME = '{ me { id email role } }';
const PARTNERSHIPS = '{ partnerships { id } }';

function setCookies(response: HttpGraphqlResponse<unknown>): string[] {
  return response.headers.getSetCookie();
}

/** The Cookie header a browser would send back after this response. */
function cookieFrom(response: HttpGraphqlResponse<unknown>): string {
  const [cookie] = setCookies(response);
  if (!cookie) throw new Error('no Set-Cookie in the response');
  return cookie.split(';')[0]!;
}

function codes(response: HttpGraphqlResponse<unknown>): (string | undefined)[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}

async function sql<T>(app: TestApp, text: string, values: unknown[] = []): Promise<T[]> {
  return withClient(app.databaseUrl, async (client) => (await client.query(text, values)).rows as T[]);
}

describe('signing in with email and password', () => {
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

  const newUser = (options: { isActive?: boolean } = {}) =>
    createUser(app.databaseUrl, 'business_unit', { partnershipId, password: PASSWORD, ...options });
  const signIn = (email: string, password: string) => app.request<{ signIn: { id: string } }>(SIGN_IN, { email, password });

  it('sets an HttpOnly, SameSite=Strict session cookie that identifies the user', async () => {
    const user = await newUser();
    const response = await signIn(user.email.toUpperCase(), PASSWORD);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.signIn).toEqual({
      id: user.id,
      email: user.email,
      role: 'BUSINESS_UNIT',
      partnershipId,
      seesRecordLevelDetail: true,
    });
    const [cookie] = setCookies(response);
    expect(cookie).toMatch(/^ei_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);

    const me = await app.request(ME, {}, cookieFrom(response));
    expect(me.body).toEqual({ data: { me: { id: user.id, email: user.email, role: 'BUSINESS_UNIT' } } });
  });

  it('stores only a SHA-256 of the session token, and an argon2id hash of the password', async () => {
    const user = await newUser();
    const token = cookieFrom(await signIn(user.email, PASSWORD)).split('=')[1]!;
    const sessions = await sql<{ token_hash: string }>(app, 'SELECT token_hash FROM user_session WHERE user_id = $1', [user.id]);
    expect(sessions).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    const [row] = await sql<{ password_hash: string }>(app, 'SELECT password_hash FROM app_user WHERE id = $1', [user.id]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a wrong password with SIGN_IN_FAILED and sets no cookie', async () => {
    const user = await newUser();
    const response = await signIn(user.email, 'not the password');
    expect(response.body.data).toBeNull();
    expect(codes(response)).toEqual(['SIGN_IN_FAILED']);
    expect(setCookies(response)).toEqual([]);
  });

  it('answers an unknown email and an inactive account exactly as a wrong password', async () => {
    const inactive = await newUser({ isActive: false });
    const wrong = await signIn((await newUser()).email, 'not the password');
    for (const response of [await signIn('nobody@test.example', PASSWORD), await signIn(inactive.email, PASSWORD)]) {
      expect(response.body).toEqual({ ...wrong.body, errors: [{ ...wrong.body.errors![0], locations: expect.any(Array) }] });
    }
  });

  it(`locks the account after ${LOCKOUT.maxFailures} failures in a row: the right password is refused too, until the lock ends`, async () => {
    const user = await newUser();
    for (let attempt = 1; attempt <= LOCKOUT.maxFailures; attempt++) {
      expect(codes(await signIn(user.email, `guess ${attempt}`))).toEqual(['SIGN_IN_FAILED']);
    }
    const [locked] = await sql<{ failed_sign_ins: number; minutes: number }>(
      app,
      `SELECT failed_sign_ins, round(extract(epoch FROM locked_until - now()) / 60)::int AS minutes FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(locked).toEqual({ failed_sign_ins: LOCKOUT.maxFailures, minutes: 15 });
    expect(codes(await signIn(user.email, PASSWORD))).toEqual(['SIGN_IN_FAILED']);
    // A failure while locked neither counts nor lengthens the lock.
    const [still] = await sql<{ failed_sign_ins: number }>(app, 'SELECT failed_sign_ins FROM app_user WHERE id = $1', [user.id]);
    expect(still!.failed_sign_ins).toBe(LOCKOUT.maxFailures);

    await sql(app, `UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
    const response = await signIn(user.email, PASSWORD);
    expect(response.body.errors).toBeUndefined();
    const [unlocked] = await sql(app, 'SELECT failed_sign_ins, locked_until FROM app_user WHERE id = $1', [user.id]);
    expect(unlocked).toEqual({ failed_sign_ins: 0, locked_until: null });
  });

  it('doubles the lock with each further failure once the first lock has ended', async () => {
    const user = await newUser();
    for (let attempt = 1; attempt <= LOCKOUT.maxFailures; attempt++) await signIn(user.email, 'wrong');
    await sql(app, `UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
    await signIn(user.email, 'wrong again');
    const [row] = await sql<{ minutes: number }>(
      app,
      `SELECT round(extract(epoch FROM locked_until - now()) / 60)::int AS minutes FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(row!.minutes).toBe(30);
  });

  describe('a session', () => {
    it('ends after the idle timeout, and the server clears the cookie', async () => {
      const user = await newUser();
      const cookie = cookieFrom(await signIn(user.email, PASSWORD));
      expect((await app.request(ME, {}, cookie)).body.data).toEqual({ me: expect.objectContaining({ id: user.id }) }); // in use, so kept
      await sql(app, `UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [user.id]);
      const response = await app.request(PARTNERSHIPS, {}, cookie);
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(setCookies(response)).toEqual(['ei_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0']);
    });

    it('ends at its absolute expiry, however busy', async () => {
      const user = await newUser();
      const cookie = cookieFrom(await signIn(user.email, PASSWORD));
      expect((await app.request(ME, {}, cookie)).body.data).toEqual({ me: expect.objectContaining({ id: user.id }) });
      await sql(
        app,
        `UPDATE user_session SET created_at = now() - interval '13 hours', expires_at = now() - interval '1 hour' WHERE user_id = $1`,
        [user.id],
      );
      expect((await app.request(ME, {}, cookie)).body).toEqual({ data: { me: null } });
      expect(codes(await app.request(PARTNERSHIPS, {}, cookie))).toEqual(['UNAUTHENTICATED']);
    });

    it('ends for good at sign-out: the row is revoked and the same cookie opens nothing again', async () => {
      const user = await newUser();
      const cookie = cookieFrom(await signIn(user.email, PASSWORD));
      expect((await app.request(PARTNERSHIPS, {}, cookie)).body.errors).toBeUndefined();

      const signOut = await app.request<{ signOut: boolean }>('mutation { signOut }', {}, cookie);
      expect(signOut.body).toEqual({ data: { signOut: true } });
      expect(setCookies(signOut)).toEqual(['ei_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0']);
      const [row] = await sql<{ revoked: boolean }>(app, 'SELECT revoked_at IS NOT NULL AS revoked FROM user_session WHERE user_id = $1', [user.id]);
      expect(row).toEqual({ revoked: true });

      expect(codes(await app.request(PARTNERSHIPS, {}, cookie))).toEqual(['UNAUTHENTICATED']);
      expect((await app.request(ME, {}, cookie)).body).toEqual({ data: { me: null } });
      expect((await app.request('mutation { signOut }', {}, cookie)).body).toEqual({ data: { signOut: false } });
    });

    it('ends when the user is deactivated', async () => {
      const user = await newUser();
      const cookie = cookieFrom(await signIn(user.email, PASSWORD));
      expect((await app.request(PARTNERSHIPS, {}, cookie)).body.errors).toBeUndefined(); // in use, so kept
      await sql(app, 'UPDATE app_user SET is_active = false WHERE id = $1', [user.id]);
      expect(codes(await app.request(PARTNERSHIPS, {}, cookie))).toEqual(['UNAUTHENTICATED']);
    });

    it('is replaced, not kept, when its user signs in again from the same browser', async () => {
      const user = await newUser();
      const first = cookieFrom(await signIn(user.email, PASSWORD));
      const again = await app.request<{ signIn: { id: string } }>(SIGN_IN, { email: user.email, password: PASSWORD }, first);
      expect(cookieFrom(again)).not.toBe(first);
      expect(codes(await app.request(PARTNERSHIPS, {}, first))).toEqual(['UNAUTHENTICATED']);
      expect((await app.request(PARTNERSHIPS, {}, cookieFrom(again))).body.errors).toBeUndefined();
    });

    it('ignores a forged or malformed cookie', async () => {
      for (const cookie of ['ei_session=' + 'A'.repeat(43), 'ei_session=short', 'ei_session=', 'other=1']) {
        expect(codes(await app.request(PARTNERSHIPS, {}, cookie))).toEqual(['UNAUTHENTICATED']);
      }
    });
  });

  it('checks its input before anything else', async () => {
    const response = await signIn('not an email', PASSWORD);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await signIn('someone@test.example', 'x'.repeat(1025)))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('sign-in rate limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ auth: { signInAttemptsPerMinute: 3 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a fourth attempt a minute from one address with RATE_LIMITED, before checking anything', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await app.request(SIGN_IN, { email: 'nobody@test.example', password: 'guess' });
      expect(codes(response)).toEqual(['SIGN_IN_FAILED']);
    }
    const limited = await app.request(SIGN_IN, { email: 'nobody@test.example', password: 'guess' });
    expect(limited.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }),
    ]);
  });
});

describe('the session cookie in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ production: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is Secure and host-only (__Host- prefix)', async () => {
    const user = await createUser(app.databaseUrl, 'national_viewer', { password: PASSWORD });
    const response = await app.request(SIGN_IN, { email: user.email, password: PASSWORD });
    expect(setCookies(response)[0]).toMatch(/^__Host-ei_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
    const me = await app.request(ME, {}, cookieFrom(response));
    expect(me.body).toEqual({ data: { me: { id: user.id, email: user.email, role: 'NATIONAL_VIEWER' } } });
  });
});

describe('users created at start-up', () => {
  const quiet = { log: () => undefined, warn: () => undefined };

  it('creates the first administrator from configuration only when there is none, and never overwrites', async () => {
    const database = await createTestDatabase();
    try {
      const administrators = () =>
        withClient(database.url, async (client) =>
          (await client.query(`SELECT email, partnership_id, password_hash LIKE '$argon2id$%' AS argon2id FROM app_user WHERE role = 'administrator'`)).rows,
        );
      await ensureFirstAdministrator(database.url, undefined, quiet);
      expect(await administrators()).toEqual([]);
      await ensureFirstAdministrator(database.url, { email: 'first@test.example', password: 'a long enough password' }, quiet);
      await ensureFirstAdministrator(database.url, { email: 'second@test.example', password: 'another long password' }, quiet);
      expect(await administrators()).toEqual([{ email: 'first@test.example', partnership_id: null, argon2id: true }]);
    } finally {
      await database.drop();
    }
  });

  describe('demo users', () => {
    let app: TestApp;
    const printed: string[] = [];

    beforeAll(async () => {
      app = await startTestApp({
        seed: async (url) => {
          await insertPartnership(url, { template: DUDLEY });
          await ensureDemoUsers(url, { password: undefined, production: false }, quiet, (text) => printed.push(text));
        },
      });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('are one per role, with a random password printed for a newcomer to sign in with', async () => {
      const password = /password: (\S+)/.exec(printed.join('\n'))?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      for (const role of USER_ROLES) {
        const response = await app.request<{ signIn: { role: string } }>(SIGN_IN, { email: demoEmail(role), password });
        expect(response.body.data?.signIn.role).toBe(role.toUpperCase());
      }
    });

    it('are never made in production without DEMO_PASSWORD', async () => {
      const database = await createTestDatabase();
      try {
        await insertPartnership(database.url, { template: DUDLEY });
        await ensureDemoUsers(database.url, { password: undefined, production: true }, quiet);
        const users = await withClient(database.url, async (client) => (await client.query('SELECT count(*)::int AS n FROM app_user')).rows);
        expect(users).toEqual([{ n: 0 }]);
      } finally {
        await database.drop();
      }
    });
  });
});
