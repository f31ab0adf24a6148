import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACCESS_MATRIX,
  ACCESS_METADATA,
  API_RESOLVERS,
  decideAccess,
  generateSchemaSdl,
  type AccessRule,
} from '@escalation-insights/server';
import { DUDLEY, USER_ROLES, type UserRole } from '@escalation-insights/shared';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { insertPartnership } from '../support/fixtures.js';
import { queryReaching, rootOperation, type SampleOperation } from '../support/schema-operations.js';
import { startTestApp, type GraphqlResponse, type TestApp } from '../support/test-app.js';

/*
 * The role matrix, driven from ACCESS_MATRIX and the schema: every query and mutation the
 * schema has, for every role and for nobody signed in. An operation without a row fails
 * here, and so does a resolver method without its @Access decision.
 */

const MATRIX: Readonly<Record<string, AccessRule>> = ACCESS_MATRIX;
const PARTNERSHIP_ROLES: readonly UserRole[] = ['business_unit', 'executive', 'improvement_group', 'scrutineer'];
const WHO: readonly (UserRole | null)[] = [null, ...USER_ROLES];
const DOC = new URL('../../docs/access-matrix.md', import.meta.url);

let schema: GraphQLSchema;

function rootCoordinates(kind: 'Query' | 'Mutation'): string[] {
  const type = kind === 'Query' ? schema.getQueryType() : schema.getMutationType();
  return Object.keys(type?.getFields() ?? {}).map((field) => `${kind}.${field}`);
}

/** Every resolver method of the API by its schema coordinate, with the @Access key it carries. */
function resolverHandlers(): { coordinate: string; access: unknown; where: string }[] {
  const handlers: { coordinate: string; access: unknown; where: string }[] = [];
  for (const resolver of API_RESOLVERS) {
    const parent = Reflect.getMetadata('graphql:resolver_name', resolver) as string | undefined;
    for (const method of Object.getOwnPropertyNames(resolver.prototype)) {
      const handler = (resolver.prototype as Record<string, unknown>)[method];
      if (method === 'constructor' || typeof handler !== 'function') continue;
      const rootKind = Reflect.getMetadata('graphql:resolver_type', handler) as string | undefined;
      const isField = Reflect.getMetadata('graphql:resolve_property', handler) === true;
      const name = (Reflect.getMetadata('graphql:resolver_name', handler) as string | undefined) ?? method;
      const coordinate = isField ? `${parent}.${name}` : rootKind === 'Query' || rootKind === 'Mutation' ? `${rootKind}.${name}` : undefined;
      if (coordinate) handlers.push({ coordinate, access: Reflect.getMetadata(ACCESS_METADATA, handler), where: `${resolver.name}.${method}` });
    }
  }
  return handlers;
}

function deniedWith(response: GraphqlResponse<unknown>): string | undefined {
  return response.errors?.map((error) => error.extensions?.code).find((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN');
}

const EXPECTED_ERROR = { allowed: undefined, unauthenticated: 'UNAUTHENTICATED', forbidden: 'FORBIDDEN' } as const;

beforeAll(async () => {
  schema = buildSchema(await generateSchemaSdl());
});

describe('ACCESS_MATRIX', () => {
  it('has a row for every query and mutation of the schema', () => {
    const missing = [...rootCoordinates('Query'), ...rootCoordinates('Mutation')].filter((coordinate) => !(coordinate in MATRIX));
    expect(missing).toEqual([]);
  });

  it('has no row for anything that does not exist', () => {
    const stale = Object.keys(MATRIX).filter((key) => {
      if (/^(GET|POST) \//.test(key)) return false;
      const [type, field] = key.split('.');
      const found = type ? schema.getType(type) : undefined;
      return !(found && 'getFields' in found && field && field in found.getFields());
    });
    expect(stale).toEqual([]);
  });

  it('has every resolver method carry @Access naming its own row', () => {
    const wrong = resolverHandlers()
      .filter((handler) => handler.access !== handler.coordinate || !(handler.coordinate in MATRIX))
      .map((handler) => `${handler.where} (${handler.coordinate}) carries ${String(handler.access)}`);
    expect(wrong).toEqual([]);
  });

  it('says why for every decision', () => {
    expect(Object.entries(MATRIX).filter(([, rule]) => rule.why.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('is what docs/access-matrix.md lists, row for row', async () => {
    const text = await readFile(DOC, 'utf8');
    const header = text.split('\n').find((line) => line.startsWith('| Operation |'));
    expect(header?.split('|').slice(2, -1).map((cell) => cell.trim())).toEqual(['signed out', ...USER_ROLES]);
    const documented: Record<string, string[]> = {};
    for (const line of text.split('\n')) {
      const row = /^\| `([^`]+)` \|(.*)\|$/.exec(line);
      if (row) documented[row[1]!] = row[2]!.split('|').map((cell) => cell.trim());
    }
    const expected: Record<string, string[]> = {};
    for (const [key, rule] of Object.entries(MATRIX)) {
      expected[key] = WHO.map((role) => (decideAccess(rule, role) === 'allowed' ? 'yes' : 'no'));
    }
    expect(documented).toEqual(expected);
  });
});

describe('the access guard, role by role', () => {
  let app: TestApp;
  let partnershipId: string;

  beforeAll(async () => {
    app = await startTestApp({
      auth: { signInAttemptsPerMinute: 10_000 },
      queryLimits: { costPerMinute: 10_000_000 },
      seed: async (url) => {
        partnershipId = (await insertPartnership(url, { template: DUDLEY })).partnershipId;
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Sends the operation as a fresh user of `role` (a mutation may end its own session), or as nobody. */
  async function send(role: UserRole | null, operation: SampleOperation): Promise<GraphqlResponse<unknown>> {
    if (role === null) return app.graphql(operation.query, operation.variables);
    const client = await app.as(role, { partnershipId: PARTNERSHIP_ROLES.includes(role) ? partnershipId : null });
    return client.graphql(operation.query, operation.variables);
  }

  const roots = () => [...rootCoordinates('Query'), ...rootCoordinates('Mutation')];

  it('lets through exactly whom the matrix names, on every query and mutation', async () => {
    const outcomes: Record<string, (string | undefined)[]> = {};
    const expected: Record<string, (string | undefined)[]> = {};
    for (const coordinate of roots()) {
      const [kind, field] = coordinate.split('.') as ['Query' | 'Mutation', string];
      const operation = rootOperation(schema, kind, field);
      const rule = MATRIX[coordinate];
      outcomes[coordinate] = [];
      expected[coordinate] = [];
      for (const role of WHO) {
        outcomes[coordinate].push(deniedWith(await send(role, operation)));
        expected[coordinate].push(rule ? EXPECTED_ERROR[decideAccess(rule, role)] : 'a row in ACCESS_MATRIX');
      }
    }
    expect(outcomes).toEqual(expected);
  }, 300_000); // every operation × every role, one sign-in each: minutes on a loaded machine

  it('guards field resolvers too, on every field the matrix names that a query can reach without arguments', async () => {
    const outcomes: Record<string, (string | undefined)[]> = {};
    const expected: Record<string, (string | undefined)[]> = {};
    for (const [coordinate, rule] of Object.entries(MATRIX)) {
      const [parent, field] = coordinate.split('.');
      if (!parent || !field || parent === 'Query' || parent === 'Mutation' || coordinate.includes(' ')) continue;
      const operation = queryReaching(schema, parent, field);
      if (!operation) continue;
      const root = MATRIX[`Query.${operation.query.split('{')[1]!.trim().split(' ')[0]}`]!;
      outcomes[coordinate] = [];
      expected[coordinate] = [];
      for (const role of WHO) {
        outcomes[coordinate].push(deniedWith(await send(role, operation)));
        const rootDecision = decideAccess(root, role);
        expected[coordinate].push(EXPECTED_ERROR[rootDecision === 'allowed' ? decideAccess(rule, role) : rootDecision]);
      }
    }
    expect(Object.keys(outcomes).length).toBeGreaterThan(0);
    expect(outcomes).toEqual(expected);
  }, 300_000);

  it('answers the HTTP probes for anyone', async () => {
    expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
  });
});
