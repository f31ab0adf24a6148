import type { InstalledPartnership } from '@escalation-insights/database';
import { GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertPartnership } from '../support/fixtures.js';
import { Journey, outcomesByRule, perform, refused, storedState, TestClock, type ApiEscalation, type Operation } from '../support/escalation-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

const NOW = '2025-03-20T12:00:00.000Z';

describe('correcting a mistaken entry', () => {
  const clock = new TestClock(NOW);
  let app: TestApp;
  let glos: InstalledPartnership;
  let unit: TestClient;

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.now, seed: async (url) => (glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 })) });
    unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
  });
  afterAll(async () => {
    await app.close();
  });

  /** Raised Monday 3 March 09:00, stage 2 on Tuesday 10:00, stage 3 on Wednesday 11:00; a joint plan on Thursday 6 March. */
  async function escalationAtStage3(urgency = 'STANDARD', via2 = true): Promise<ApiEscalation> {
    const journey = new Journey(unit, clock);
    await journey.record({
      partnershipId: glos.partnershipId, raisingAgencyId: glos.agencyIds['Police'], receivingAgencyId: glos.agencyIds['Health'],
      raisingRole: 'PC', categoryCode: 'agreed_actions', urgency, raisedVia: 'PHONE', summary: 'Typo here.', raisedAt: '2025-03-03T09:00:00.000Z',
    });
    if (via2) await journey.move('2', '2025-03-04T10:00:00.000Z');
    await journey.move('3', '2025-03-05T11:00:00.000Z');
    await journey.milestone('JOINT_PLAN_AGREED', '2025-03-06T15:00:00.000Z');
    clock.set(NOW);
    return journey.escalation;
  }
  const correction = (escalation: ApiEscalation, fields: Record<string, unknown>) => ({
    input: { partnershipId: escalation.partnershipId, escalationId: escalation.id, expectedVersion: escalation.version, reason: 'Entered wrongly.', ...fields },
  });
  async function expectRefusal(operation: Operation, variables: { input: Record<string, unknown> }, code: string, field: string) {
    const escalationId = variables.input['escalationId'] as string;
    const before = await storedState(app.databaseUrl, glos.partnershipId, escalationId);
    const error = await refused(unit, operation, variables);
    expect(error.extensions).toMatchObject({ code, field });
    expect(await storedState(app.databaseUrl, glos.partnershipId, escalationId)).toEqual(before);
    return error;
  }

  it('moves the raise time, and the first stage with it; keeps what was there and why; recomputes the outcomes', async () => {
    const escalation = await escalationAtStage3();
    const corrected = await perform(unit, 'correctEscalation', correction(escalation, { raisedAt: '2025-03-03T08:00:00.000Z', summary: 'No typo here.' }));
    expect(corrected).toMatchObject({ raisedAt: '2025-03-03T08:00:00.000Z', summary: 'No typo here.', version: escalation.version + 1 });
    expect(corrected.stages[0]).toMatchObject({ stageCode: '1', enteredAt: '2025-03-03T08:00:00.000Z' });
    expect(outcomesByRule(corrected)['line-manager-contact-24h']).toMatchObject({ anchorAt: '2025-03-03T08:00:00.000Z', deadline: '2025-03-04T08:00:00.000Z' });
    expect(corrected.corrections).toEqual([{
      id: expect.any(String), target: 'ESCALATION', targetId: escalation.id, reason: 'Entered wrongly.', correctedAt: NOW,
      changes: [
        { field: 'firstStageEnteredAt', before: '"2025-03-03T09:00:00.000Z"', after: '"2025-03-03T08:00:00.000Z"' },
        { field: 'raisedAt', before: '"2025-03-03T09:00:00.000Z"', after: '"2025-03-03T08:00:00.000Z"' },
        { field: 'summary', before: '"Typo here."', after: '"No typo here."' },
      ],
    }]);
    const [audit] = await withClient(app.databaseUrl, async (client) =>
      (await client.query<{ action: string }>(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [escalation.id])).rows);
    expect(audit!.action).toBe('escalation.corrected');
  });

  it('re-validates the whole journey: an urgency that may not skip refuses a journey with a skip (SKIP_NOT_ALLOWED)', async () => {
    const immediate = await escalationAtStage3('IMMEDIATE', false);
    expect(immediate.stages[1]!.skippedStageCodes).toEqual(['2']);
    const error = await expectRefusal('correctEscalation', correction(immediate, { urgency: 'STANDARD' }), 'SKIP_NOT_ALLOWED', 'entries[1].stageCode');
    expect(error.message).toBe('entries[1].stageCode: Stage "3" skips 2, which a standard escalation may not.');
  });

  it('moves a stage entry and the exit of the stage before it; refuses one that would run backwards', async () => {
    const escalation = await escalationAtStage3();
    const third = escalation.stages[2]!;
    const corrected = await perform(unit, 'correctStageEntry', correction(escalation, { stageEntryId: third.id, enteredAt: '2025-03-05T10:00:00.000Z' }));
    expect(corrected.stages.map((s) => [s.stageCode, s.enteredAt, s.exitedAt])).toEqual([
      ['1', '2025-03-03T09:00:00.000Z', '2025-03-04T10:00:00.000Z'],
      ['2', '2025-03-04T10:00:00.000Z', '2025-03-05T10:00:00.000Z'],
      ['3', '2025-03-05T10:00:00.000Z', null],
    ]);
    expect(outcomesByRule(corrected)['stage-3-joint-plan-5wd']).toEqual({
      status: 'MET', anchorAt: '2025-03-05T10:00:00.000Z', deadline: '2025-03-12T10:00:00.000Z', targetAt: '2025-03-06T15:00:00.000Z',
    });
    expect(corrected.corrections[0]).toMatchObject({
      target: 'STAGE_ENTRY', targetId: third.id,
      changes: [
        { field: 'enteredAt', before: '"2025-03-05T11:00:00.000Z"', after: '"2025-03-05T10:00:00.000Z"' },
        { field: 'previousStageExitedAt', before: '"2025-03-05T11:00:00.000Z"', after: '"2025-03-05T10:00:00.000Z"' },
      ],
    });
    // Stage 2 would then be left (at the new time) before it was entered.
    await expectRefusal('correctStageEntry', correction(corrected, { stageEntryId: third.id, enteredAt: '2025-03-04T09:00:00.000Z' }), 'TIME_BEFORE_PREVIOUS_EVENT', 'entries[1].exitedAt');
  });

  it('moves or removes a milestone, keeping what it was', async () => {
    const escalation = await escalationAtStage3();
    const plan = escalation.milestones[0]!;
    const moved = await perform(unit, 'correctMilestone', correction(escalation, { milestoneId: plan.id, occurredAt: '2025-03-13T15:00:00.000Z' }));
    expect(outcomesByRule(moved)['stage-3-joint-plan-5wd']).toMatchObject({ status: 'BREACHED', targetAt: '2025-03-13T15:00:00.000Z' });
    await expectRefusal('correctMilestone', correction(moved, { milestoneId: plan.id, stageCode: '4' }), 'STAGE_NOT_REACHED', 'stageCode');
    const removed = await perform(unit, 'correctMilestone', correction(moved, { milestoneId: plan.id, remove: true, reason: 'Recorded on the wrong escalation.' }));
    expect(removed.milestones).toEqual([]);
    expect(outcomesByRule(removed)['stage-3-joint-plan-5wd']).toMatchObject({ status: 'OVERDUE', targetAt: null });
    expect(removed.corrections.map((c) => [c.target, c.reason, c.changes.map((change) => change.field)])).toEqual([
      ['MILESTONE', 'Entered wrongly.', ['occurredAt']],
      ['MILESTONE', 'Recorded on the wrong escalation.', ['kind', 'notes', 'occurredAt', 'removed', 'stageCode']],
    ]);
  });

  it('refuses a correction that changes nothing, or a field the status does not have', async () => {
    const escalation = await escalationAtStage3();
    await expectRefusal('correctEscalation', correction(escalation, { summary: 'Typo here.' }), 'NOTHING_TO_CORRECT', 'reason');
    await expectRefusal('correctEscalation', correction(escalation, { closedAt: '2025-03-10T09:00:00.000Z' }), 'NOT_APPLICABLE_TO_STATUS', 'closedAt');
    // The first stage moves with the raise time, but would then be left before it was entered.
    await expectRefusal('correctEscalation', correction(escalation, { raisedAt: '2025-03-04T11:00:00.000Z' }), 'TIME_BEFORE_PREVIOUS_EVENT', 'entries[0].exitedAt');
  });

  it('moves the closing time of a closed escalation and the last stage exit with it', async () => {
    const escalation = await escalationAtStage3();
    const { reason: _reason, ...target } = correction(escalation, {}).input;
    const resolved = await perform(unit, 'resolve', { input: { ...target, closedAt: '2025-03-07T09:00:00.000Z', outcome: 'Agreed.', writtenConfirmationGiven: false, feedbackGiven: false } });
    const corrected = await perform(unit, 'correctEscalation', correction(resolved, { closedAt: '2025-03-07T16:00:00.000Z', writtenConfirmationGiven: true }));
    expect(corrected).toMatchObject({ closedAt: '2025-03-07T16:00:00.000Z', writtenConfirmationGiven: true, status: 'RESOLVED' });
    expect(corrected.stages.at(-1)).toMatchObject({ exitedAt: '2025-03-07T16:00:00.000Z', exitReason: 'RESOLVED' });
  });
});
