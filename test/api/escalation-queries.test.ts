import { createHmac } from 'node:crypto';
import type { InstalledPartnership } from '@escalation-insights/database';
import { DUDLEY, GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertPartnership } from '../support/fixtures.js';
import { OPERATIONS, perform, TestClock, type ApiEscalation } from '../support/escalation-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/** The development secret the test app uses, and the demo generator's hashing: HMAC-SHA256 of the reference. */
const DEV_SECRET = 'escalation-insights-development-child-key-secret';

const LIST = `query($filter: EscalationFilter, $sort: EscalationSort, $offset: Int, $limit: Int) {
  escalations(filter: $filter, sort: $sort, offset: $offset, limit: $limit) { totalCount offset limit items { reference } }
}`;

interface Page { totalCount: number; offset: number; limit: number; items: { reference: string }[] }

describe('reading escalations', () => {
  const clock = new TestClock('2025-07-01T12:00:00.000Z');
  let app: TestApp;
  let dudley: InstalledPartnership;
  let glos: InstalledPartnership;
  let unit: TestClient;
  const recorded: Record<string, ApiEscalation> = {};

  const list = async (variables: Record<string, unknown>): Promise<Page> => {
    const response = await unit.graphql<{ escalations: Page }>(LIST, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.escalations;
  };
  const refs = (page: Page) => page.items.map((item) => item.reference);

  beforeAll(async () => {
    app = await startTestApp({
      clock: clock.now,
      seed: async (url) => {
        dudley = await insertPartnership(url, { template: DUDLEY });
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
      },
    });
    unit = await app.as('business_unit', { partnershipId: dudley.partnershipId });
    const a = dudley.agencyIds;
    const rows: [string, string, string, string, string, string, string | null][] = [
      // reference, raisedAt, raising, receiving, category, urgency, child reference
      ['D-1', '2025-06-02T09:00:00.000Z', 'Police', "Children's Social Care", 'course_of_action', 'STANDARD', 'dscb-case-000001'],
      ['D-2', '2025-06-03T09:00:00.000Z', 'Health', "Children's Social Care", 'conference_refused', 'URGENT', ' DSCB-CASE-000001 '],
      ['D-3', '2025-06-04T09:00:00.000Z', 'Education', 'Police', 'course_of_action', 'STANDARD', 'DSCB-CASE-000002'],
      ['D-4', '2025-06-05T09:00:00.000Z', 'Police', 'Health', 'information_sharing_or_services', 'IMMEDIATE', null],
      ['D-5', '2025-06-06T09:00:00.000Z', 'Police', "Children's Social Care", 'course_of_action', 'STANDARD', 'dscb-case-000001'],
    ];
    for (const [reference, raisedAt, raising, receiving, categoryCode, urgency, childReference] of rows) {
      recorded[reference] = await perform(unit, 'record', { input: {
        partnershipId: dudley.partnershipId, reference, raisedAt, raisingAgencyId: a[raising], receivingAgencyId: a[receiving],
        raisingRole: 'Practitioner', categoryCode, urgency, raisedVia: 'PHONE', summary: `About ${reference}.`,
        ...(childReference ? { childReference } : {}),
      } });
    }
    const d3 = recorded['D-3']!;
    recorded['D-3'] = await perform(unit, 'move', { input: { partnershipId: dudley.partnershipId, escalationId: d3.id, expectedVersion: 1, stageCode: '2', enteredAt: '2025-06-05T09:00:00.000Z' } });
    const d4 = recorded['D-4']!;
    recorded['D-4'] = await perform(unit, 'resolve', { input: {
      partnershipId: dudley.partnershipId, escalationId: d4.id, expectedVersion: 1, closedAt: '2025-06-05T15:00:00.000Z', outcome: 'Agreed.', writtenConfirmationGiven: true, feedbackGiven: true,
    } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists newest raised first by default, with the total across pages', async () => {
    expect(await list({ filter: { partnershipId: dudley.partnershipId } })).toEqual({
      totalCount: 5, offset: 0, limit: 25, items: ['D-5', 'D-4', 'D-3', 'D-2', 'D-1'].map((reference) => ({ reference })),
    });
  });

  it('pages and sorts in the database', async () => {
    const sort = { field: 'RAISED_AT', descending: false };
    expect(refs(await list({ sort, offset: 0, limit: 2 }))).toEqual(['D-1', 'D-2']);
    expect(refs(await list({ sort, offset: 2, limit: 2 }))).toEqual(['D-3', 'D-4']);
    expect(await list({ sort, offset: 4, limit: 2 })).toEqual({ totalCount: 5, offset: 4, limit: 2, items: [{ reference: 'D-5' }] });
    expect(await list({ sort, offset: 10, limit: 2 })).toEqual({ totalCount: 5, offset: 10, limit: 2, items: [] });
    expect(refs(await list({ sort: { field: 'HIGHEST_TIER', descending: true }, limit: 1 }))).toEqual(['D-3']);
  });

  it('bounds the page size', async () => {
    for (const limit of [0, 101]) {
      const response = await unit.graphql(LIST, { limit });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(refs(await list({ limit: 100 }))).toHaveLength(5);
  });

  it('filters by status, agencies, category, urgency, current stage and a half-open raise period', async () => {
    const a = dudley.agencyIds;
    const filtered = async (filter: Record<string, unknown>) =>
      refs(await list({ filter: { partnershipId: dudley.partnershipId, ...filter }, sort: { field: 'REFERENCE', descending: false } }));
    expect(await filtered({ statuses: ['RESOLVED'] })).toEqual(['D-4']);
    expect(await filtered({ statuses: ['OPEN', 'WITHDRAWN'] })).toEqual(['D-1', 'D-2', 'D-3', 'D-5']);
    expect(await filtered({ raisingAgencyId: a['Police'] })).toEqual(['D-1', 'D-4', 'D-5']);
    expect(await filtered({ receivingAgencyId: a["Children's Social Care"] })).toEqual(['D-1', 'D-2', 'D-5']);
    expect(await filtered({ categoryCode: 'course_of_action' })).toEqual(['D-1', 'D-3', 'D-5']);
    expect(await filtered({ urgencies: ['URGENT', 'IMMEDIATE'] })).toEqual(['D-2', 'D-4']);
    expect(await filtered({ currentStageCode: '2' })).toEqual(['D-3']);
    expect(await filtered({ raisedFrom: '2025-06-03T09:00:00.000Z', raisedTo: '2025-06-05T09:00:00.000Z' })).toEqual(['D-2', 'D-3']);
    expect(await filtered({ raisingAgencyId: a['Police'], categoryCode: 'course_of_action', statuses: ['OPEN'] })).toEqual(['D-1', 'D-5']);
    expect(await filtered({ childReference: 'DSCB-case-000001' })).toEqual(['D-1', 'D-2', 'D-5']);
  });

  it('shows a business-unit user only their own partnership', async () => {
    const other = await app.as('business_unit', { partnershipId: glos.partnershipId });
    const response = await other.graphql<{ escalations: Page }>(LIST, { filter: { partnershipId: dudley.partnershipId } });
    expect(response.data!.escalations.totalCount).toBe(0);
    const one = await other.graphql(OPERATIONS.get, { partnershipId: dudley.partnershipId, id: recorded['D-1']!.id });
    expect(one.errors?.[0]?.extensions).toMatchObject({ code: 'ESCALATION_NOT_FOUND', field: 'escalationId' });
  });

  it('links escalations about the same child, however the case reference was typed', async () => {
    const response = await unit.graphql<{ escalation: { relatedEscalations: { reference: string }[] } }>(
      `query($p: ID!, $id: ID!) { escalation(partnershipId: $p, id: $id) { relatedEscalations { reference } } }`,
      { p: dudley.partnershipId, id: recorded['D-2']!.id },
    );
    expect(response.data!.escalation.relatedEscalations.map((r) => r.reference)).toEqual(['D-1', 'D-5']);
    const none = await unit.graphql<{ escalation: { relatedEscalations: unknown[] } }>(
      `query($p: ID!, $id: ID!) { escalation(partnershipId: $p, id: $id) { relatedEscalations { reference } } }`,
      { p: dudley.partnershipId, id: recorded['D-4']!.id },
    );
    expect(none.data!.escalation.relatedEscalations).toEqual([]);
  });

  it('never stores the child reference in clear: only its HMAC, the same as the demo generator makes', async () => {
    const dump = await withClient(app.databaseUrl, async (client) => {
      const tables = (await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows;
      const texts: string[] = [];
      for (const { tablename } of tables) {
        const rows = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${tablename} t`);
        texts.push(...rows.rows.map((r) => r.row));
      }
      return texts.join('\n').toLowerCase();
    });
    expect(dump).not.toContain('case-000001');
    expect(dump).not.toContain('case-000002');
    const keys = await withClient(app.databaseUrl, async (client) =>
      (await client.query<{ reference: string; child_key: string | null }>('SELECT reference, child_key FROM escalation WHERE partnership_id = $1 ORDER BY reference', [dudley.partnershipId])).rows);
    const hmac = (reference: string) => createHmac('sha256', DEV_SECRET).update(reference).digest('hex');
    expect(keys).toEqual([
      { reference: 'D-1', child_key: hmac('DSCB-CASE-000001') },
      { reference: 'D-2', child_key: hmac('DSCB-CASE-000001') },
      { reference: 'D-3', child_key: hmac('DSCB-CASE-000002') },
      { reference: 'D-4', child_key: null },
      { reference: 'D-5', child_key: hmac('DSCB-CASE-000001') },
    ]);
    // The API says only whether there is one.
    const response = await unit.graphql<{ result: ApiEscalation }>(OPERATIONS.get, { partnershipId: dudley.partnershipId, id: recorded['D-1']!.id });
    expect(response.data!.result.hasChildReference).toBe(true);
    expect(JSON.stringify(response.data).toLowerCase()).not.toContain('case-000001');
  });

  it('names an unknown escalation and a taken reference', async () => {
    const missing = await unit.graphql(OPERATIONS.get, { partnershipId: dudley.partnershipId, id: '999999' });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'ESCALATION_NOT_FOUND', field: 'escalationId' });
    const taken = await unit.graphql(OPERATIONS.record, { input: {
      partnershipId: dudley.partnershipId, reference: 'D-1', raisedAt: '2025-06-10T09:00:00.000Z', raisingAgencyId: dudley.agencyIds['Police'],
      receivingAgencyId: dudley.agencyIds['Health'], raisingRole: 'PC', categoryCode: 'course_of_action', urgency: 'STANDARD', raisedVia: 'PHONE', summary: '',
    } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'REFERENCE_TAKEN', field: 'reference' });
  });
});
