import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApp, DEFAULT_QUERY_LIMITS, type RunningApp } from '@escalation-insights/server';
import { DUDLEY, GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { DataSource } from 'typeorm';
import { insertPartnership } from '../support/fixtures.js';
import { signIn, type SignedInUser } from '../support/sign-in.js';
import { postGraphql, startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const LADDERS = `partnerships { id name agencies { id name sector isActive } protocols { id code version }
  activeProtocol { id code name stages { code name order tier tierName roles } categories { code label } rules { code name limitUnit limitAmount } } }`;
const DEEP = '{ partnerships { activeProtocol { stages { code } } } }';

async function seedTwo(url: string): Promise<void> {
  await insertPartnership(url, { template: DUDLEY });
  await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
}

describe('query limits, checked before anything runs', () => {
  let database: TestDatabase;
  let server: RunningApp;
  let user: SignedInUser;
  const queries: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedTwo(database.url);
    user = await signIn(database.url, 'administrator');
    server = await createApp({ databaseUrl: database.url, port: 0, logger: ['error'], queryLimits: { maxDepth: 3 } });
    const dataSource = server.app.get(DataSource);
    const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
    dataSource.logger.logQuery = (query, parameters, queryRunner) => {
      queries.push(query);
      logQuery(query, parameters, queryRunner);
    };
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  const send = (query: string) => postGraphql(`${server.url}/graphql`, query, {}, user.cookie);
  /** What reached the database besides looking up the session. */
  const dataQueries = () => queries.filter((query) => !query.includes('auth_session_actor'));

  it('refuses a query nested deeper than the limit with QUERY_TOO_DEEP, and no resolver asks the database anything', async () => {
    queries.length = 0;
    const response = await send(DEEP);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [{ message: 'The query nests 4 fields deep; at most 3 are allowed.', extensions: { code: 'QUERY_TOO_DEEP' } }],
    });
    expect(dataQueries()).toEqual([]);
  });

  it('counts depth through fragments', async () => {
    const response = await send('{ partnerships { ...P } } fragment P on Partnership { activeProtocol { stages { code } } }');
    expect(response.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it(`refuses a query whose estimated cost is over ${DEFAULT_QUERY_LIMITS.maxCost} with QUERY_TOO_COSTLY, before any resolver runs`, async () => {
    // Each alias costs 1 + 10 × (1 + 41 + 41) = 831 (lists assumed 10 long): 15 of them are over the limit, yet only 3 deep.
    const aliased = Array.from({ length: 15 }, (_, i) => `p${i}: partnerships { id agencies { id name sector isActive } protocols { id code version name } }`).join('\n');
    queries.length = 0;
    const response = await send(`{ ${aliased} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { message: expect.stringMatching(/^The query's estimated cost is \d+; at most 10000 is allowed\./), extensions: { code: 'QUERY_TOO_COSTLY' } },
    ]);
    expect(dataQueries()).toEqual([]);
  });

  it('runs a query within the limits', async () => {
    const response = await send('{ partnerships { id activeProtocol { id } } }');
    expect(response.body.errors).toBeUndefined();
    expect(dataQueries().length).toBeGreaterThan(0);
  });
});

describe('the cost budget per user', () => {
  let app: TestApp;
  let first: TestClient;
  let second: TestClient;

  beforeAll(async () => {
    // LADDERS costs 1 + 10 × (1 + 1 + 41 + 31 + 137) = 2111: a budget just above it leaves 89 after one, and the
    // second has to wait about 55 s for the rest, so a slow machine cannot refill it between the two requests.
    app = await startTestApp({ seed: seedTwo, queryLimits: { costPerMinute: 2200 } });
    [first, second] = await Promise.all([app.as('national_viewer'), app.as('national_viewer')]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses costly queries past the budget with RATE_LIMITED, for that user only', async () => {
    expect((await first.graphql(`{ ${LADDERS} }`)).errors).toBeUndefined();
    const limited = await first.graphql(`{ ${LADDERS} }`);
    expect(limited.errors).toEqual([
      { message: expect.stringMatching(/^Too many costly queries: try again in \d+ seconds\.$/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } },
    ]);
    expect((await second.graphql(`{ ${LADDERS} }`)).errors).toBeUndefined();
    expect((await first.graphql('{ me { id } }')).errors).toBeUndefined();
  });
});

describe('in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ production: true, seed: seedTwo });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses introspection', async () => {
    const response = await app.graphql('{ __schema { types { name } } }');
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    expect(response.errors![0]!.message).toMatch(/introspection is not allowed/i);
    expect(await app.graphql('{ __type(name: "Partnership") { name } }')).toMatchObject({ errors: [expect.anything()] });
  });

  it('sends no stack trace and no schema hints with an error', async () => {
    const response = await app.graphql('{ partnershipz { id } }');
    expect(response.errors).toEqual([{ message: 'Cannot query field "partnershipz" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    const denied = await app.graphql('{ partnerships { id } }');
    expect(denied.errors).toEqual([{ message: 'Sign in to see this.', locations: [{ line: 1, column: 3 }], path: ['partnerships'], extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('sends security headers, HSTS included', async () => {
    const response = await fetch(`${app.url}/health/live`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('outside production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('allows introspection for developers', async () => {
    const response = await app.graphql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
    expect(response).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('sends a content security policy and the other security headers on every response', async () => {
    const responses = [
      await fetch(`${app.url}/health/live`),
      await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
    ];
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self';form-action 'self';frame-ancestors 'none';" +
          "img-src 'self' data:;manifest-src 'self';object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses a request another site could forge (a simple POST without JSON)', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });
});
