import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateDemoData } from '@escalation-insights/database';
import type { UserRole } from '@escalation-insights/shared';
import { startTestApp, type GraphqlResponse, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * Partnership isolation through the API: many randomised queries as users of partnership
 * A never return a row of partnership B; nor do interleaved concurrent requests of A's
 * and B's users on a pool of two connections.
 */

const ROLES_OF_A: readonly UserRole[] = ['business_unit', 'executive', 'improvement_group', 'scrutineer', 'administrator'];
const TYPES = ['Partnership', 'Agency', 'Protocol', 'Escalation'] as const;
type Typename = (typeof TYPES)[number];
type IdsByType = Record<Typename, Set<string>>;

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(url: string): Promise<void> {
  await generateDemoData(url, { size: 300, seed: 5, asOf: new Date('2025-11-26T12:00:00Z'), childKeySecret: 'isolation-test-secret-of-32-characters!' });
}

async function idsOf(databaseUrl: string, partnershipId: string): Promise<IdsByType> {
  return withClient(databaseUrl, async (client) => {
    const ids = async (sql: string) => new Set((await client.query<{ id: string }>(sql, [partnershipId])).rows.map((row) => row.id));
    return {
      Partnership: await ids('SELECT id::text FROM partnership WHERE id = $1'),
      Agency: await ids('SELECT id::text FROM agency WHERE partnership_id = $1'),
      Protocol: await ids('SELECT id::text FROM protocol WHERE partnership_id = $1'),
      Escalation: await ids('SELECT id::text FROM escalation WHERE partnership_id = $1'),
    };
  });
}

/** Every (typename, id) in a response. */
function rowsIn(value: unknown, found: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((item) => rowsIn(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['__typename'] === 'string' && typeof record['id'] === 'string') found.push([record['__typename'], record['id']]);
    Object.values(record).forEach((item) => rowsIn(item, found));
  }
  return found;
}

/** Rows of the response that are not partnership A's. */
function foreignRows(response: GraphqlResponse<unknown>, own: IdsByType): string[] {
  return rowsIn(response.data)
    .filter(([type, id]) => (TYPES as readonly string[]).includes(type) && !own[type as Typename].has(id))
    .map(([type, id]) => `${type} ${id}`);
}

describe('partnership isolation through the API', () => {
  let app: TestApp;
  let a: string;
  let b: string;
  let ownA: IdsByType;
  let ownB: IdsByType;
  let nameOfB: string;

  beforeAll(async () => {
    app = await startTestApp({ seed, databasePoolSize: 2, queryLimits: { costPerMinute: 100_000_000 } });
    const partnerships = await withClient(app.databaseUrl, async (client) =>
      (await client.query<{ id: string; name: string }>('SELECT id::text, name FROM partnership ORDER BY id LIMIT 2')).rows,
    );
    [a, b] = [partnerships[0]!.id, partnerships[1]!.id];
    nameOfB = partnerships[1]!.name;
    [ownA, ownB] = await Promise.all([idsOf(app.databaseUrl, a), idsOf(app.databaseUrl, b)]);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('returns no row of partnership B to any user of partnership A, over 200 randomised queries', async () => {
    const next = random(20251126);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const maybe = (text: string) => (next() < 0.5 ? text : '');
    const users = new Map<UserRole, TestClient>();
    for (const role of ROLES_OF_A) users.set(role, await app.as(role, { partnershipId: a }));
    const anyId = (type: Typename) => pick([...ownA[type], ...ownB[type]]);

    const partnershipFields = () =>
      `__typename id ${maybe('code name')} ${maybe('agencies { __typename id name }')} ${maybe('protocols { __typename id code }')}
       ${maybe('activeProtocol { __typename id stages { code } categories { code } rules { code } }')}`;
    const escalationFields = () => `__typename id ${maybe('reference')} ${maybe('raisingAgency { __typename id } receivingAgency { __typename id }')}`;
    const roots = [
      () => ({ query: `{ partnerships { ${partnershipFields()} } }`, variables: {} }),
      () => ({ query: `query ($id: ID!) { partnership(id: $id) { ${partnershipFields()} } }`, variables: { id: pick([a, b]) } }),
      () => ({
        query: `query ($id: ID!, $p: ID!) { escalation(id: $id, partnershipId: $p) { ${escalationFields()} } }`,
        variables: { id: anyId('Escalation'), p: pick([a, b]) },
      }),
      () => ({
        query: `query ($p: ID, $n: Int!) { escalations(filter: { partnershipId: $p }, limit: $n) { items { ${escalationFields()} } } }`,
        variables: { p: pick([a, b, null]), n: 1 + Math.floor(next() * 100) },
      }),
    ];

    const leaks: string[] = [];
    let rowsSeen = 0;
    for (let i = 0; i < 200; i++) {
      const role = pick(ROLES_OF_A);
      const operation = pick(roots)();
      const response = await users.get(role)!.graphql(operation.query, operation.variables);
      rowsSeen += rowsIn(response.data).length;
      const text = JSON.stringify(response);
      for (const row of foreignRows(response, ownA)) leaks.push(`${role} ${operation.query} ${JSON.stringify(operation.variables)}: ${row}`);
      if (text.includes(nameOfB)) leaks.push(`${role} ${operation.query}: the name of partnership B`);
    }
    expect(leaks).toEqual([]);
    expect(rowsSeen).toBeGreaterThan(200);
  });

  it("answers a user's request for another partnership as if it did not exist", async () => {
    const user = await app.as('business_unit', { partnershipId: a });
    const response = await user.graphql('query ($id: ID!) { partnership(id: $id) { id } }', { id: b });
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['PARTNERSHIP_NOT_FOUND']);
  });

  it("keeps 50 interleaved concurrent requests of A's and B's users apart on a pool of two connections", async () => {
    const [userA, userB] = await Promise.all([app.as('scrutineer', { partnershipId: a }), app.as('scrutineer', { partnershipId: b })]);
    const query = `{ me { partnershipId } partnerships { __typename id agencies { __typename id } protocols { __typename id }
      activeProtocol { __typename id stages { code } } } }`;
    const responses = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const [user, own] = i % 2 === 0 ? [userA, ownA] : [userB, ownB];
        const response = await user.graphql<{ me: { partnershipId: string }; partnerships: { id: string; agencies: unknown[] }[] }>(query);
        return { user, own, response };
      }),
    );
    for (const { user, own, response } of responses) {
      expect(response.errors).toBeUndefined();
      expect(response.data!.me.partnershipId).toBe(user.partnershipId);
      expect(response.data!.partnerships.map((partnership) => partnership.id)).toEqual([user.partnershipId]);
      expect(response.data!.partnerships[0]!.agencies.length).toBe(own.Agency.size);
      expect(foreignRows(response, own)).toEqual([]);
    }
  });
});
