import type { InstalledPartnership } from '@escalation-insights/database';
import { DUDLEY, GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { insertPartnership } from '../support/fixtures.js';
import { OPERATIONS, perform, refused, storedState, TestClock, type ApiEscalation, type Operation } from '../support/escalation-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

const NOW = '2025-03-10T12:00:00.000Z';

describe('the protocol is enforced: each refusal has a stable code, names its field and writes nothing', () => {
  const clock = new TestClock(NOW);
  let app: TestApp;
  let glos: InstalledPartnership;
  let dudley: InstalledPartnership;
  let unit: TestClient;

  beforeAll(async () => {
    app = await startTestApp({
      clock: clock.now,
      seed: async (url) => {
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
        dudley = await insertPartnership(url, { template: DUDLEY });
      },
    });
    unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
  });
  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => clock.set(NOW));

  const recordInput = (fields: Record<string, unknown> = {}) => ({
    partnershipId: glos.partnershipId,
    raisingAgencyId: glos.agencyIds['Police'],
    raisingRole: 'Detective sergeant',
    receivingAgencyId: glos.agencyIds["Children's Social Care"],
    categoryCode: 'agreed_actions',
    urgency: 'STANDARD',
    raisedVia: 'PHONE',
    summary: 'Agreed actions not done.',
    raisedAt: '2025-03-03T09:00:00.000Z',
    ...fields,
  });
  const record = (fields: Record<string, unknown> = {}) => perform(unit, 'record', { input: recordInput(fields) });
  const change = (escalation: ApiEscalation, fields: Record<string, unknown>) => ({
    input: { partnershipId: escalation.partnershipId, escalationId: escalation.id, expectedVersion: escalation.version, ...fields },
  });

  /** Refused with `code` on `field`, and the partnership's stored records (and this escalation's row) are exactly as before. */
  async function expectRefusal(operation: Operation, variables: { input: Record<string, unknown> }, code: string, field: string, escalationId?: string) {
    const before = await storedState(app.databaseUrl, glos.partnershipId, escalationId);
    const error = await refused(unit, operation, variables);
    expect(error.extensions).toMatchObject({ code, field });
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(await storedState(app.databaseUrl, glos.partnershipId, escalationId)).toEqual(before);
    return error;
  }

  it('refuses a stage skipped by an urgency the protocol does not let skip (SKIP_NOT_ALLOWED)', async () => {
    const escalation = await record();
    const error = await expectRefusal('move', change(escalation, { stageCode: '3', enteredAt: '2025-03-04T09:00:00.000Z' }), 'SKIP_NOT_ALLOWED', 'stageCode', escalation.id);
    expect(error.message).toBe('stageCode: The next stage is "2"; only immediate escalations may skip a stage.');
  });

  it('refuses a standard escalation that asks to start above the first stage (SKIP_NOT_ALLOWED)', async () => {
    await expectRefusal('record', { input: recordInput({ startStageCode: '3' }) }, 'SKIP_NOT_ALLOWED', 'startStageCode');
  });

  it('lets immediate risk skip, and records the stages passed over', async () => {
    const escalation = await record({ urgency: 'IMMEDIATE' });
    const moved = await perform(unit, 'move', change(escalation, { stageCode: '3', enteredAt: '2025-03-03T10:00:00.000Z' }));
    expect(moved.stages.map((s) => [s.stageCode, s.skippedStageCodes])).toEqual([['1', []], ['3', ['2']]]);
    expect(moved).toMatchObject({ currentStageCode: '3', highestTier: 4, highestStageOrder: 3, version: 2 });
  });

  it('refuses a stage that is not above the current one (STAGE_NOT_AHEAD) or not on the ladder (UNKNOWN_STAGE)', async () => {
    const escalation = await perform(unit, 'move', change(await record(), { stageCode: '2', enteredAt: '2025-03-04T09:00:00.000Z' }));
    await expectRefusal('move', change(escalation, { stageCode: '1', enteredAt: '2025-03-05T09:00:00.000Z' }), 'STAGE_NOT_AHEAD', 'stageCode', escalation.id);
    await expectRefusal('move', change(escalation, { stageCode: '2', enteredAt: '2025-03-05T09:00:00.000Z' }), 'STAGE_NOT_AHEAD', 'stageCode', escalation.id);
    await expectRefusal('move', change(escalation, { stageCode: '3b', enteredAt: '2025-03-05T09:00:00.000Z' }), 'UNKNOWN_STAGE', 'stageCode', escalation.id);
  });

  it('refuses times that run backwards (TIME_BEFORE_PREVIOUS_EVENT)', async () => {
    const escalation = await perform(unit, 'milestone', change(await record(), { kind: 'LINE_MANAGER_CONTACTED', occurredAt: '2025-03-04T15:00:00.000Z' }));
    // Before the latest recorded event (the milestone), though after the stage was entered.
    const error = await expectRefusal('move', change(escalation, { stageCode: '2', enteredAt: '2025-03-04T14:00:00.000Z' }), 'TIME_BEFORE_PREVIOUS_EVENT', 'enteredAt', escalation.id);
    expect(error.message).toContain('times cannot run backwards');
    await expectRefusal('milestone', change(escalation, { kind: 'FEEDBACK_GIVEN', occurredAt: '2025-03-03T08:59:59.000Z' }), 'TIME_BEFORE_PREVIOUS_EVENT', 'occurredAt', escalation.id);
    await expectRefusal('resolve', change(escalation, { closedAt: '2025-03-04T00:00:00.000Z', outcome: 'x', writtenConfirmationGiven: true, feedbackGiven: true }), 'TIME_BEFORE_PREVIOUS_EVENT', 'closedAt', escalation.id);
  });

  it('refuses times in the future, beyond five minutes of clock drift (TIME_IN_FUTURE)', async () => {
    await expectRefusal('record', { input: recordInput({ raisedAt: '2025-03-10T12:05:01.000Z' }) }, 'TIME_IN_FUTURE', 'raisedAt');
    const escalation = await record();
    await expectRefusal('move', change(escalation, { stageCode: '2', enteredAt: '2025-03-11T09:00:00.000Z' }), 'TIME_IN_FUTURE', 'enteredAt', escalation.id);
    await expectRefusal('milestone', change(escalation, { kind: 'FEEDBACK_GIVEN', occurredAt: '2025-03-11T09:00:00.000Z' }), 'TIME_IN_FUTURE', 'occurredAt', escalation.id);
  });

  it('gives a closed escalation no new stage and no second closing (ESCALATION_CLOSED), but still takes a late milestone', async () => {
    const resolved = await perform(unit, 'resolve', change(await record(), {
      closedAt: '2025-03-04T09:00:00.000Z', outcome: 'Agreed.', writtenConfirmationGiven: false, feedbackGiven: false,
    }));
    await expectRefusal('move', change(resolved, { stageCode: '2', enteredAt: '2025-03-05T09:00:00.000Z' }), 'ESCALATION_CLOSED', 'escalationId', resolved.id);
    await expectRefusal('withdraw', change(resolved, { closedAt: '2025-03-05T09:00:00.000Z', reason: 'No longer needed.' }), 'ESCALATION_CLOSED', 'escalationId', resolved.id);
    await expectRefusal('outOfScope', change(resolved, { closedAt: '2025-03-05T09:00:00.000Z', reason: 'Conduct complaint.' }), 'ESCALATION_CLOSED', 'escalationId', resolved.id);
    const feedback = await perform(unit, 'milestone', change(resolved, { kind: 'FEEDBACK_GIVEN', occurredAt: '2025-03-06T09:00:00.000Z' }));
    expect(feedback.milestones).toEqual([expect.objectContaining({ kind: 'FEEDBACK_GIVEN', stageCode: '1' })]);
  });

  it('refuses a milestone at a stage the escalation has not reached (STAGE_NOT_REACHED)', async () => {
    const escalation = await record();
    await expectRefusal('milestone', change(escalation, { kind: 'JOINT_PLAN_AGREED', occurredAt: '2025-03-04T09:00:00.000Z', stageCode: '3' }), 'STAGE_NOT_REACHED', 'stageCode', escalation.id);
  });

  it('resolves only at the current stage (STAGE_NOT_CURRENT)', async () => {
    const escalation = await record();
    await expectRefusal('resolve', change(escalation, {
      stageCode: '2', closedAt: '2025-03-04T09:00:00.000Z', outcome: 'Agreed.', writtenConfirmationGiven: true, feedbackGiven: true,
    }), 'STAGE_NOT_CURRENT', 'stageCode', escalation.id);
  });

  it("takes categories from the escalation's protocol and agencies from its partnership", async () => {
    const error = await expectRefusal('record', { input: recordInput({ categoryCode: 'plan_not_meeting_needs' }) }, 'UNKNOWN_CATEGORY', 'categoryCode');
    expect(error.message).toContain('referral_response, safeguarding_plans, agreed_actions, information_sharing_or_services, escalation_response');
    await expectRefusal('record', { input: recordInput({ receivingAgencyId: dudley.agencyIds['Police'] }) }, 'AGENCY_NOT_FOUND', 'receivingAgencyId');
  });

  it('refuses a change made from a stale version (VERSION_CONFLICT), naming both versions', async () => {
    const escalation = await record();
    await perform(unit, 'milestone', change(escalation, { kind: 'LINE_MANAGER_CONTACTED', occurredAt: '2025-03-03T10:00:00.000Z' }));
    const error = await expectRefusal('move', change(escalation, { stageCode: '2', enteredAt: '2025-03-04T09:00:00.000Z' }), 'VERSION_CONFLICT', 'expectedVersion', escalation.id);
    expect(error.extensions).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect(error.message).toContain('version 2, not 1');
  });

  it('lets exactly one of two simultaneous changes from the same version win; the other is a VERSION_CONFLICT', async () => {
    const escalation = await record();
    const before = await storedState(app.databaseUrl, glos.partnershipId, escalation.id);
    const attempts = await Promise.all([
      unit.graphql<{ result: ApiEscalation }>(OPERATIONS.move, change(escalation, { stageCode: '2', enteredAt: '2025-03-04T09:00:00.000Z' })),
      unit.graphql<{ result: ApiEscalation }>(OPERATIONS.milestone, change(escalation, { kind: 'LINE_MANAGER_CONTACTED', occurredAt: '2025-03-03T10:00:00.000Z' })),
    ]);
    const won = attempts.filter((attempt) => !attempt.errors);
    const lost = attempts.filter((attempt) => attempt.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.errors![0]!.extensions).toMatchObject({ code: 'VERSION_CONFLICT', expectedVersion: 1, actualVersion: 2 });
    const after = await storedState(app.databaseUrl, glos.partnershipId, escalation.id);
    expect((after['escalation'] as { version: number }).version).toBe(2);
    expect(after['auditEvents']).toBe((before['auditEvents'] as number) + 1);
    const wroteStage = won[0]!.data!.result.stages.length === 2;
    expect(after['stageEntries']).toBe((before['stageEntries'] as number) + (wroteStage ? 1 : 0));
    expect(after['milestones']).toBe((before['milestones'] as number) + (wroteStage ? 0 : 1));
  });

  it("keeps each escalation on the protocol version it was recorded under, not the partnership's active one", async () => {
    const old = await record();
    // A second version that lets every urgency skip, made active.
    await withClient(app.databaseUrl, async (client) => {
      await client.query('BEGIN');
      await client.query('UPDATE protocol SET is_active = false WHERE partnership_id = $1', [glos.partnershipId]);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO protocol (partnership_id, code, version, name, summary, skip_allowed_for, is_active)
         SELECT partnership_id, code, 2, name, summary, ARRAY['immediate', 'urgent', 'standard'], true FROM protocol WHERE partnership_id = $1 AND id = $2
         RETURNING id`, [glos.partnershipId, glos.protocolId]);
      const v2 = rows[0]!.id;
      await client.query(`INSERT INTO protocol_stage (partnership_id, protocol_id, code, name, ladder_order, tier, roles, description, requirements)
        SELECT partnership_id, $3, code, name, ladder_order, tier, roles, description, requirements FROM protocol_stage WHERE partnership_id = $1 AND protocol_id = $2`, [glos.partnershipId, glos.protocolId, v2]);
      await client.query(`INSERT INTO protocol_category (partnership_id, protocol_id, code, label, display_order)
        SELECT partnership_id, $3, code, label, display_order FROM protocol_category WHERE partnership_id = $1 AND protocol_id = $2`, [glos.partnershipId, glos.protocolId, v2]);
      await client.query(`INSERT INTO timescale_rule (partnership_id, protocol_id, code, name, stage_code, anchor, targets, limit_unit, limit_amount, urgencies, applies_when_rule_not_met, source, rationale)
        SELECT partnership_id, $3, code, name, stage_code, anchor, targets, limit_unit, limit_amount, urgencies, applies_when_rule_not_met, source, rationale
        FROM timescale_rule WHERE partnership_id = $1 AND protocol_id = $2`, [glos.partnershipId, glos.protocolId, v2]);
      await client.query('COMMIT');
    });
    try {
      await expectRefusal('move', change(old, { stageCode: '3', enteredAt: '2025-03-04T09:00:00.000Z' }), 'SKIP_NOT_ALLOWED', 'stageCode', old.id);
      const fresh = await record({ startStageCode: '3' });
      expect(fresh.protocolId).not.toBe(old.protocolId);
      expect(fresh.stages.map((s) => [s.stageCode, s.skippedStageCodes])).toEqual([['3', ['1', '2']]]);
    } finally {
      await withClient(app.databaseUrl, async (client) => {
        await client.query('UPDATE protocol SET is_active = false WHERE partnership_id = $1', [glos.partnershipId]);
        await client.query('UPDATE protocol SET is_active = true WHERE partnership_id = $1 AND id = $2', [glos.partnershipId, glos.protocolId]);
      });
    }
  });

  it('checks inputs at the edge: a blank role and a malformed id are BAD_USER_INPUT', async () => {
    const response = await unit.graphql(OPERATIONS.record, { input: recordInput({ raisingRole: '   ', raisingAgencyId: 'abc' }) });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/raisingAgencyId must be a record id/);
    expect(response.errors?.[0]?.message).toMatch(/raisingRole must not be blank/);
  });

  it('lets only business-unit staff record escalations', async () => {
    const scrutineer = await app.as('scrutineer', { partnershipId: glos.partnershipId });
    const asScrutineer = await scrutineer.graphql(OPERATIONS.record, { input: recordInput() });
    expect(asScrutineer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.graphql(OPERATIONS.record, { input: recordInput() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
