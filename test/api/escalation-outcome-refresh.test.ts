import type { InstalledPartnership } from '@escalation-insights/database';
import { createApp } from '@escalation-insights/server';
import { DUDLEY, GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertPartnership } from '../support/fixtures.js';
import { OPERATIONS, perform, storedState, TestClock, type ApiEscalation } from '../support/escalation-api.js';
import { signIn } from '../support/sign-in.js';
import { postGraphql, startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { createTestDatabase, withClient } from '../support/test-database.js';

const recordInput = (p: InstalledPartnership, fields: Record<string, unknown>) => ({
  partnershipId: p.partnershipId,
  raisingAgencyId: p.agencyIds['Police'],
  raisingRole: 'Detective sergeant',
  receivingAgencyId: p.agencyIds["Children's Social Care"],
  raisedVia: 'PHONE',
  summary: 'Disagreement about the plan.',
  ...fields,
});

/** The stored status of one outcome, read as the database owner. */
async function storedStatus(databaseUrl: string, escalationId: string, ruleCode: string): Promise<string> {
  return withClient(databaseUrl, async (client) =>
    (await client.query<{ status: string }>('SELECT status FROM timescale_outcome WHERE escalation_id = $1 AND rule_code = $2', [escalationId, ruleCode])).rows[0]!.status);
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the scheduled refresh of timescale outcomes', () => {
  const clock = new TestClock('2025-03-03T09:00:00.000Z');
  let app: TestApp;
  let glos: InstalledPartnership;
  let dudley: InstalledPartnership;
  let glosUnit: TestClient;
  let dudleyUnit: TestClient;

  beforeAll(async () => {
    app = await startTestApp({
      clock: clock.now,
      outcomeRefreshMinutes: 0.002, // every 120 ms
      seed: async (url) => {
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
        dudley = await insertPartnership(url, { template: DUDLEY });
      },
    });
    glosUnit = await app.as('business_unit', { partnershipId: glos.partnershipId });
    dudleyUnit = await app.as('business_unit', { partnershipId: dudley.partnershipId });
  });
  afterAll(async () => {
    await app.close();
  });

  it('turns a pending outcome overdue once the injected now passes its deadline, with no write to the escalation', async () => {
    clock.set('2025-03-03T09:00:00.000Z');
    const escalation = await perform(glosUnit, 'record', { input: recordInput(glos, { categoryCode: 'agreed_actions', urgency: 'STANDARD', raisedAt: '2025-03-03T09:00:00.000Z' }) });
    const rule = escalation.timescaleOutcomes.find((o) => o.ruleCode === 'line-manager-contact-24h')!;
    expect(rule).toMatchObject({ status: 'PENDING', deadline: '2025-03-04T09:00:00.000Z' });
    const before = await storedState(app.databaseUrl, glos.partnershipId, escalation.id);

    clock.set('2025-03-04T09:30:00.000Z');
    await eventually(async () => (await storedStatus(app.databaseUrl, escalation.id, 'line-manager-contact-24h')) === 'overdue', 'the outcome is overdue');
    // Refreshing is not a change to the record: no new version, no audit event.
    const after = await storedState(app.databaseUrl, glos.partnershipId, escalation.id);
    expect(after['escalation']).toEqual(before['escalation']);
    expect(after['auditEvents']).toBe(before['auditEvents']);

    const { data } = await glosUnit.graphql<{ result: ApiEscalation }>(OPERATIONS.get, { partnershipId: glos.partnershipId, id: escalation.id });
    const overdue = data!.result.timescaleOutcomes.find((o) => o.ruleCode === 'line-manager-contact-24h')!;
    expect(overdue).toMatchObject({ status: 'OVERDUE', deadline: '2025-03-04T09:00:00.000Z', targetAt: null, evaluatedAt: '2025-03-04T09:30:00.000Z' });
    expect(overdue.lateness).toBeCloseTo(0.5, 9); // hours
    expect(data!.result).toMatchObject({ isOverdue: true, version: 1 });

    // Counting overdue escalations is a plain query over stored outcomes.
    const overdueCount = await withClient(app.databaseUrl, async (client) =>
      (await client.query<{ n: number }>(`SELECT count(DISTINCT escalation_id)::int AS n FROM timescale_outcome WHERE partnership_id = $1 AND status = 'overdue'`, [glos.partnershipId])).rows[0]!.n);
    expect(overdueCount).toBe(1);
    const list = await glosUnit.graphql<{ escalations: { totalCount: number; items: { id: string }[] } }>(
      `query($p: ID!) { escalations(filter: { partnershipId: $p, overdueOnly: true }) { totalCount items { id } } }`, { p: glos.partnershipId });
    expect(list.data!.escalations).toEqual({ totalCount: 1, items: [{ id: escalation.id }] });
  });

  it('keeps refreshing a resolved escalation whose follow-up rule is still running', async () => {
    clock.set('2025-06-04T17:00:00.000Z');
    const raised = await perform(dudleyUnit, 'record', { input: recordInput(dudley, { categoryCode: 'course_of_action', urgency: 'URGENT', raisedAt: '2025-06-04T09:00:00.000Z' }) });
    const resolved = await perform(dudleyUnit, 'resolve', { input: {
      partnershipId: dudley.partnershipId, escalationId: raised.id, expectedVersion: 1,
      closedAt: '2025-06-04T17:00:00.000Z', outcome: 'Agreed.', writtenConfirmationGiven: true, feedbackGiven: true,
    } });
    expect(resolved.timescaleOutcomes.find((o) => o.ruleCode === 'written-confirmation-local-2wd')).toMatchObject({ status: 'PENDING', deadline: '2025-06-06T17:00:00.000Z' });

    clock.set('2025-06-09T09:00:00.000Z');
    await eventually(async () => (await storedStatus(app.databaseUrl, raised.id, 'written-confirmation-local-2wd')) === 'overdue', 'written confirmation is overdue');
    expect(await storedStatus(app.databaseUrl, raised.id, 'stage-1-urgent-24h')).toBe('met');
  });
});

describe('the refresh at start-up', () => {
  it('brings stored outcomes up to date before the app takes its first request', async () => {
    const database = await createTestDatabase();
    try {
      const glos = await insertPartnership(database.url, { template: GLOUCESTERSHIRE_GSCP_2025 });
      const unit = await signIn(database.url, 'business_unit', { partnershipId: glos.partnershipId });
      const boot = (now: string) => createApp({ databaseUrl: database.url, port: 0, logger: ['error'], outcomeRefreshMinutes: 0, clock: () => new Date(now) });

      const first = await boot('2025-03-03T09:00:00.000Z');
      let escalationId: string;
      try {
        const caller = { graphql: async <T>(query: string, variables?: object) => (await postGraphql<T>(`${first.url}/graphql`, query, variables, unit.cookie)).body };
        const escalation = await perform(caller, 'record', { input: recordInput(glos, { categoryCode: 'agreed_actions', urgency: 'STANDARD', raisedAt: '2025-03-03T09:00:00.000Z' }) });
        escalationId = escalation.id;
      } finally {
        await first.close();
      }
      expect(await storedStatus(database.url, escalationId, 'line-manager-contact-24h')).toBe('pending');

      const second = await boot('2025-03-05T09:00:00.000Z');
      try {
        expect(await storedStatus(database.url, escalationId, 'line-manager-contact-24h')).toBe('overdue');
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });
});
