import type { InstalledPartnership } from '@escalation-insights/database';
import { CSCP_FIVE_STAGES, GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertPartnership } from '../support/fixtures.js';
import { Journey, TestClock } from '../support/escalation-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

interface StoredEvent {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: { before: Record<string, unknown>; after: Record<string, unknown> };
  previous_hash: string | null;
  hash: string;
}

const VERIFY = `query($p: ID!) { verifyAuditChain(partnershipId: $p) { partnershipId valid eventsChecked firstInvalidEventId problem } }`;

describe('the audit trail', () => {
  const clock = new TestClock('2025-03-03T09:00:00.000Z');
  let app: TestApp;
  let glos: InstalledPartnership;
  let cscp: InstalledPartnership;
  let unit: TestClient;

  const events = (partnershipId: string) => withClient(app.databaseUrl, async (client) =>
    (await client.query<StoredEvent>(`SELECT id::text AS id, occurred_at, actor_user_id::text AS actor_user_id, actor_label, action, entity_type, entity_id, changes, previous_hash, hash
       FROM audit_event WHERE partnership_id = $1 ORDER BY audit_event.id`, [partnershipId])).rows);
  const verify = async (caller: TestClient, partnershipId: string) =>
    (await caller.graphql<{ verifyAuditChain: Record<string, unknown> }>(VERIFY, { p: partnershipId })).data!.verifyAuditChain;
  /** As the test superuser: the append-only trigger is switched off for one statement, as an attacker with owner rights could. */
  const tamper = (sql: string, params: unknown[]) => withClient(app.databaseUrl, async (client) => {
    await client.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    try {
      await client.query(sql, params);
    } finally {
      await client.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    }
  });

  async function journeyIn(partnership: InstalledPartnership, client: TestClient): Promise<Journey> {
    const journey = new Journey(client, clock);
    await journey.record({
      partnershipId: partnership.partnershipId, raisingAgencyId: partnership.agencyIds['Health'], raisingRole: 'School nurse',
      receivingAgencyId: partnership.agencyIds['Education'], categoryCode: partnership === glos ? 'agreed_actions' : 'information_sharing',
      urgency: 'STANDARD', raisedVia: 'VIDEO', summary: 'Information not shared.', raisedAt: '2025-03-03T09:00:00.000Z', childReference: 'case 77',
    });
    await journey.move('2', '2025-03-04T09:00:00.000Z');
    await journey.milestone('FEEDBACK_GIVEN', '2025-03-04T12:00:00.000Z');
    await journey.resolve('2025-03-05T09:00:00.000Z', { outcome: 'Shared.', writtenConfirmationGiven: true, feedbackGiven: true });
    return journey;
  }

  beforeAll(async () => {
    app = await startTestApp({
      clock: clock.now,
      seed: async (url) => {
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
        cscp = await insertPartnership(url, { template: CSCP_FIVE_STAGES });
      },
    });
    unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
  });
  afterAll(async () => {
    await app.close();
  });

  it('appends one event per write, saying who did what to which escalation and what changed, chained by hash', async () => {
    const journey = await journeyIn(glos, unit);
    const id = journey.escalation.id;
    const stored = await events(glos.partnershipId);
    expect(stored.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['escalation.recorded', 'escalation', id],
      ['escalation.stage_entered', 'escalation', id],
      ['escalation.milestone_recorded', 'escalation', id],
      ['escalation.resolved', 'escalation', id],
    ]);
    expect(stored.every((e) => e.actor_user_id === unit.id && e.actor_label === unit.email)).toBe(true);
    // The app's clock, not the database's, says when.
    expect(stored.map((e) => e.occurred_at.toISOString())).toEqual([
      '2025-03-03T09:00:00.000Z', '2025-03-04T09:00:00.000Z', '2025-03-04T12:00:00.000Z', '2025-03-05T09:00:00.000Z',
    ]);
    expect(stored[1]!.changes).toEqual({
      before: { version: 1, currentStageCode: '1', highestTier: 1, highestStageOrder: 1 },
      after: {
        version: 2, currentStageCode: '2', highestTier: 3, highestStageOrder: 2,
        stageEntry: { id: expect.any(String), stageCode: '2', enteredAt: '2025-03-04T09:00:00.000Z', skippedStageCodes: [], participants: [], notes: '' },
      },
    });
    expect(stored[3]!.changes.after).toMatchObject({ version: 4, status: 'resolved', closedAt: '2025-03-05T09:00:00.000Z', resolvedTier: 3, outcome: 'Shared.' });
    // The child key is never copied into the trail.
    expect(stored[0]!.changes.after['childKey']).toBe('pseudonymised');
    expect(stored.map((e) => e.previous_hash)).toEqual([null, stored[0]!.hash, stored[1]!.hash, stored[2]!.hash]);
  });

  it('verifies as intact for the scrutineer', async () => {
    const scrutineer = await app.as('scrutineer', { partnershipId: glos.partnershipId });
    expect(await verify(scrutineer, glos.partnershipId)).toEqual({
      partnershipId: glos.partnershipId, valid: true, eventsChecked: 4, firstInvalidEventId: null, problem: null,
    });
  });

  it('cannot be changed or deleted, even by the database owner, while its triggers stand', async () => {
    const [first] = await events(glos.partnershipId);
    await expect(withClient(app.databaseUrl, (client) => client.query(`UPDATE audit_event SET action = 'x' WHERE id = $1`, [first!.id])))
      .rejects.toThrow(/append-only/);
    await expect(withClient(app.databaseUrl, (client) => client.query('DELETE FROM audit_event WHERE id = $1', [first!.id])))
      .rejects.toThrow(/append-only/);
  });

  it('reports the first event whose contents were changed behind its back', async () => {
    const stored = await events(glos.partnershipId);
    await tamper(`UPDATE audit_event SET changes = jsonb_set(changes, '{after,outcome}', '"Not shared."') WHERE id = $1`, [stored[3]!.id]);
    await tamper(`UPDATE audit_event SET actor_label = 'someone-else@test.example' WHERE id = $1`, [stored[1]!.id]);
    const scrutineer = await app.as('scrutineer', { partnershipId: glos.partnershipId });
    expect(await verify(scrutineer, glos.partnershipId)).toEqual({
      partnershipId: glos.partnershipId, valid: false, eventsChecked: 2, firstInvalidEventId: stored[1]!.id,
      problem: 'Its contents do not match its hash: the event was changed after it was written.',
    });
  });

  it("reports a removed event at the one after it; another partnership's chain stays intact", async () => {
    const cscpUnit = await app.as('business_unit', { partnershipId: cscp.partnershipId });
    await journeyIn(cscp, cscpUnit);
    const stored = await events(cscp.partnershipId);
    const scrutineer = await app.as('scrutineer', { partnershipId: cscp.partnershipId });
    expect(await verify(scrutineer, cscp.partnershipId)).toMatchObject({ valid: true, eventsChecked: 4 });

    await tamper('DELETE FROM audit_event WHERE id = $1', [stored[1]!.id]);
    expect(await verify(scrutineer, cscp.partnershipId)).toEqual({
      partnershipId: cscp.partnershipId, valid: false, eventsChecked: 2, firstInvalidEventId: stored[2]!.id,
      problem: 'Its previous hash is not the hash of the event before it: an event was removed or inserted.',
    });
  });

  it("records who opened an escalation's timeline, as a view of sensitive detail", async () => {
    const cscpUnit = await app.as('business_unit', { partnershipId: cscp.partnershipId });
    const journey = await journeyIn(cscp, cscpUnit);
    const scrutineer = await app.as('scrutineer', { partnershipId: cscp.partnershipId });
    clock.set('2025-03-06T10:00:00.000Z');
    const opened = await scrutineer.graphql(`query($p: ID!, $id: ID!) { escalation(partnershipId: $p, id: $id) { id } }`, { p: cscp.partnershipId, id: journey.escalation.id });
    expect(opened.errors).toBeUndefined();
    const last = (await events(cscp.partnershipId)).at(-1)!;
    expect(last).toMatchObject({ action: 'escalation.timeline_viewed', entity_type: 'escalation', entity_id: journey.escalation.id, actor_user_id: scrutineer.id });
  });

  it('is verified only by scrutineers and administrators', async () => {
    const response = await unit.graphql(VERIFY, { p: glos.partnershipId });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
