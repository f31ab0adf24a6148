import type { InstalledPartnership } from '@escalation-insights/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertAllTemplatePartnerships } from '../support/fixtures.js';
import { Journey, outcomesByRule, requirementsByStage, TestClock, type ApiEscalation } from '../support/escalation-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/*
 * One full journey per protocol template, recorded through the API as it happens (the
 * injected clock is at each event's time). Every deadline below is worked out by hand
 * from DESIGN.md §4.2: working days are Monday–Friday less the jurisdiction's bank
 * holidays, in Europe/London time (GMT in winter, BST = UTC+1 from 30 March to
 * 26 October 2025), "N working days after t" is the same local clock time on the N-th
 * working day after t's date, counting from the next working day's start when t is not
 * a working day; "same working day" ends at 23:59:59.999 local.
 */

const NA = { status: 'NOT_APPLICABLE', anchorAt: null, deadline: null, targetAt: null };
const stage = (stageCode: string, tier: number, enteredAt: string, exitedAt: string, exitReason: string, skippedStageCodes: string[] = []) => ({
  stageCode, tier, enteredAt, exitedAt, exitReason, skippedStageCodes,
});
const stagesOf = (escalation: ApiEscalation) =>
  escalation.stages.map(({ stageCode, tier, enteredAt, exitedAt, exitReason, skippedStageCodes }) => ({ stageCode, tier, enteredAt, exitedAt, exitReason, skippedStageCodes }));
const lateness = (escalation: ApiEscalation, ruleCode: string) => escalation.timescaleOutcomes.find((o) => o.ruleCode === ruleCode)!.lateness!;

describe('escalation journeys, one per protocol template', () => {
  const clock = new TestClock('2025-01-01T00:00:00Z');
  let app: TestApp;
  let partnerships: Record<string, InstalledPartnership>;
  const clients: Record<string, TestClient> = {};

  beforeAll(async () => {
    app = await startTestApp({ clock: clock.now, seed: async (url) => (partnerships = await insertAllTemplatePartnerships(url)) });
    for (const [code, installed] of Object.entries(partnerships)) {
      clients[code] = await app.as('business_unit', { partnershipId: installed.partnershipId });
    }
  });
  afterAll(async () => {
    await app.close();
  });

  const journeyFor = (templateCode: string) => new Journey(clients[templateCode]!, clock);
  const raise = (templateCode: string, fields: Record<string, unknown> & { raisedAt: string; raising: string; receiving: string }) => {
    const { partnershipId, agencyIds } = partnerships[templateCode]!;
    const { raising, receiving, ...rest } = fields;
    return { partnershipId, raisingAgencyId: agencyIds[raising], receivingAgencyId: agencyIds[receiving], summary: 'Disagreement about the plan for the child.', ...rest };
  };

  it('Gloucestershire: a standard escalation climbs all four stages; the joint plan comes late, so the executive stage is due and is met', async () => {
    const journey = journeyFor('gloucestershire-gscp-2025');
    const raised = await journey.record(raise('gloucestershire-gscp-2025', {
      raisedAt: '2025-03-03T09:00:00.000Z', raising: 'Police', receiving: "Children's Social Care", raisingRole: 'Detective sergeant',
      categoryCode: 'referral_response', urgency: 'STANDARD', raisedVia: 'PHONE', childReference: 'GSCP-CASE-000101',
    }));
    expect(raised).toMatchObject({ status: 'OPEN', currentStageCode: '1', highestTier: 1, version: 1, hasChildReference: true });
    // Raised Monday 09:00 GMT: managers due 24 elapsed hours later.
    expect(outcomesByRule(raised)['line-manager-contact-24h']).toEqual({
      status: 'PENDING', anchorAt: '2025-03-03T09:00:00.000Z', deadline: '2025-03-04T09:00:00.000Z', targetAt: null,
    });

    await journey.milestone('LINE_MANAGER_CONTACTED', '2025-03-03T15:00:00.000Z');
    await journey.move('2', '2025-03-04T10:00:00.000Z');
    const atStage3 = await journey.move('3', '2025-03-05T11:00:00.000Z');
    // Stage 3 entered Wednesday 5 March 11:00: five working days → Wednesday 12 March 11:00.
    // The executive-stage rule waits on the joint-plan rule, still pending: not applicable yet.
    expect(outcomesByRule(atStage3)).toEqual({
      'line-manager-contact-24h': { status: 'MET', anchorAt: '2025-03-03T09:00:00.000Z', deadline: '2025-03-04T09:00:00.000Z', targetAt: '2025-03-03T15:00:00.000Z' },
      'stage-3-joint-plan-5wd': { status: 'PENDING', anchorAt: '2025-03-05T11:00:00.000Z', deadline: '2025-03-12T11:00:00.000Z', targetAt: null },
      'stage-4-when-no-joint-plan': NA,
    });

    await journey.milestone('BUSINESS_UNIT_NOTIFIED', '2025-03-05T16:00:00.000Z');
    await journey.milestone('RESOLUTION_MEETING_HELD', '2025-03-07T14:00:00.000Z');
    const latePlan = await journey.milestone('JOINT_PLAN_AGREED', '2025-03-12T15:00:00.000Z');
    // Four hours late: now the executive stage is due six working days after stage 3 began, Thursday 13 March 11:00.
    expect(outcomesByRule(latePlan)['stage-4-when-no-joint-plan']).toEqual({
      status: 'PENDING', anchorAt: '2025-03-05T11:00:00.000Z', deadline: '2025-03-13T11:00:00.000Z', targetAt: null,
    });

    await journey.move('4', '2025-03-13T09:00:00.000Z');
    await journey.milestone('BUSINESS_UNIT_NOTIFIED', '2025-03-13T10:00:00.000Z');
    await journey.milestone('SCRUTINEER_NOTIFIED', '2025-03-13T10:30:00.000Z');
    await journey.resolve('2025-03-20T16:00:00.000Z', { stageCode: '4', outcome: 'Joint plan confirmed by the Executive.', writtenConfirmationGiven: true, feedbackGiven: true });
    const done = await journey.milestone('FEEDBACK_GIVEN', '2025-03-21T10:00:00.000Z');

    expect(done).toMatchObject({
      status: 'RESOLVED', closedAt: '2025-03-20T16:00:00.000Z', outcome: 'Joint plan confirmed by the Executive.', currentStageCode: '4',
      highestTier: 5, highestStageOrder: 4, resolvedTier: 5, writtenConfirmationGiven: true, feedbackGiven: true, version: 12, isOverdue: false,
    });
    expect(stagesOf(done)).toEqual([
      stage('1', 1, '2025-03-03T09:00:00.000Z', '2025-03-04T10:00:00.000Z', 'ESCALATED'),
      stage('2', 3, '2025-03-04T10:00:00.000Z', '2025-03-05T11:00:00.000Z', 'ESCALATED'),
      stage('3', 4, '2025-03-05T11:00:00.000Z', '2025-03-13T09:00:00.000Z', 'ESCALATED'),
      stage('4', 5, '2025-03-13T09:00:00.000Z', '2025-03-20T16:00:00.000Z', 'RESOLVED'),
    ]);
    expect(outcomesByRule(done)).toEqual({
      'line-manager-contact-24h': { status: 'MET', anchorAt: '2025-03-03T09:00:00.000Z', deadline: '2025-03-04T09:00:00.000Z', targetAt: '2025-03-03T15:00:00.000Z' },
      'stage-3-joint-plan-5wd': { status: 'BREACHED', anchorAt: '2025-03-05T11:00:00.000Z', deadline: '2025-03-12T11:00:00.000Z', targetAt: '2025-03-12T15:00:00.000Z' },
      'stage-4-when-no-joint-plan': { status: 'MET', anchorAt: '2025-03-05T11:00:00.000Z', deadline: '2025-03-13T11:00:00.000Z', targetAt: '2025-03-13T09:00:00.000Z' },
    });
    // 11:00 to 15:00 of one 24-hour working day.
    expect(lateness(done, 'stage-3-joint-plan-5wd')).toBeCloseTo(4 / 24, 9);
    expect(requirementsByStage(done)).toEqual({
      '1': ['FEEDBACK_TO_RAISER: MISSING', 'RECORD_ON_CHILD_FILE: NOT_RECORDED'],
      '2': [],
      '3': [
        'RESOLUTION_MEETING: MET@2025-03-07T14:00:00.000Z', 'INDEPENDENT_FACILITATION: NOT_RECORDED',
        'JOINT_PLAN: MET@2025-03-12T15:00:00.000Z', 'NOTIFY_BUSINESS_UNIT: MET@2025-03-05T16:00:00.000Z',
      ],
      '4': ['NOTIFY_BUSINESS_UNIT: MET@2025-03-13T10:00:00.000Z', 'NOTIFY_SCRUTINEER: MET@2025-03-13T10:30:00.000Z'],
    });
    // Recomputed by the last write, in its own transaction.
    expect(new Set(done.timescaleOutcomes.map((o) => o.evaluatedAt))).toEqual(new Set(['2025-03-21T10:00:00.000Z']));
  });

  it('Dudley: an urgent escalation is resolved at 3a; stage 2 held it too long and written confirmation came late', async () => {
    const journey = journeyFor('dudley');
    await journey.record(raise('dudley', {
      raisedAt: '2025-06-02T08:00:00.000Z', raising: 'Health', receiving: "Children's Social Care", raisingRole: 'Health visitor',
      categoryCode: 'plan_not_meeting_needs', urgency: 'URGENT', raisedVia: 'MEETING',
    }));
    await journey.move('2', '2025-06-02T16:00:00.000Z');
    await journey.move('3a', '2025-06-04T09:00:00.000Z');
    await journey.milestone('RESOLUTION_MEETING_HELD', '2025-06-04T13:00:00.000Z');
    const resolved = await journey.resolve('2025-06-04T17:00:00.000Z', { stageCode: '3a', outcome: 'Plan revised at the senior managers\' meeting.', writtenConfirmationGiven: true, feedbackGiven: true });
    // Resolved Wednesday 18:00 BST: written confirmation due two working days later, Friday 6 June 18:00 BST.
    expect(outcomesByRule(resolved)['written-confirmation-local-2wd']).toEqual({
      status: 'PENDING', anchorAt: '2025-06-04T17:00:00.000Z', deadline: '2025-06-06T17:00:00.000Z', targetAt: null,
    });
    await journey.milestone('FEEDBACK_GIVEN', '2025-06-05T09:00:00.000Z');
    const done = await journey.milestone('WRITTEN_CONFIRMATION_SENT', '2025-06-09T10:00:00.000Z');

    expect(done).toMatchObject({ status: 'RESOLVED', currentStageCode: '3a', highestTier: 3, highestStageOrder: 3, resolvedTier: 3, version: 7, hasChildReference: false });
    expect(stagesOf(done)).toEqual([
      stage('1', 1, '2025-06-02T08:00:00.000Z', '2025-06-02T16:00:00.000Z', 'ESCALATED'),
      stage('2', 2, '2025-06-02T16:00:00.000Z', '2025-06-04T09:00:00.000Z', 'ESCALATED'),
      stage('3a', 3, '2025-06-04T09:00:00.000Z', '2025-06-04T17:00:00.000Z', 'RESOLVED'),
    ]);
    expect(outcomesByRule(done)).toEqual({
      'stage-1-immediate-same-day': NA,
      'stage-1-urgent-24h': { status: 'MET', anchorAt: '2025-06-02T08:00:00.000Z', deadline: '2025-06-03T08:00:00.000Z', targetAt: '2025-06-02T16:00:00.000Z' },
      'stage-1-standard-local-5wd': NA,
      'stage-2-immediate-same-day': NA,
      'stage-2-urgent-24h': { status: 'BREACHED', anchorAt: '2025-06-02T16:00:00.000Z', deadline: '2025-06-03T16:00:00.000Z', targetAt: '2025-06-04T09:00:00.000Z' },
      'stage-2-standard-local-5wd': NA,
      'stage-3a-immediate-same-day': NA,
      'stage-3a-urgent-24h': { status: 'MET', anchorAt: '2025-06-04T09:00:00.000Z', deadline: '2025-06-05T09:00:00.000Z', targetAt: '2025-06-04T17:00:00.000Z' },
      'stage-3a-standard-local-5wd': NA,
      'stage-3b-immediate-same-day': NA,
      'stage-3b-urgent-24h': NA,
      'stage-3b-standard-local-5wd': NA,
      'written-confirmation-local-2wd': { status: 'BREACHED', anchorAt: '2025-06-04T17:00:00.000Z', deadline: '2025-06-06T17:00:00.000Z', targetAt: '2025-06-09T10:00:00.000Z' },
    });
    expect(lateness(done, 'stage-2-urgent-24h')).toBeCloseTo(17, 9); // hours: Tuesday 16:00 to Wednesday 09:00
    // Friday 18:00–24:00 BST (6/24) and Monday 00:00–11:00 BST (11/24) of working time.
    expect(lateness(done, 'written-confirmation-local-2wd')).toBeCloseTo(17 / 24, 9);
    expect(requirementsByStage(done)).toEqual({
      '1': ['WRITTEN_CONFIRMATION: MISSING', 'FEEDBACK_TO_RAISER: MISSING', 'RECORD_ON_CHILD_FILE: NOT_RECORDED'],
      '2': ['WRITTEN_CONFIRMATION: MISSING', 'FEEDBACK_TO_RAISER: MISSING', 'RECORD_ON_CHILD_FILE: NOT_RECORDED'],
      '3a': [
        'RESOLUTION_MEETING: MET@2025-06-04T13:00:00.000Z', 'WRITTEN_CONFIRMATION: MET@2025-06-09T10:00:00.000Z',
        'FEEDBACK_TO_RAISER: MET@2025-06-05T09:00:00.000Z', 'RECORD_ON_CHILD_FILE: NOT_RECORDED',
      ],
    });
  });

  it("Perth and Kinross: immediate risk starts at stage 2, skipping two recorded stages; St Andrew's Day is not a working day", async () => {
    const journey = journeyFor('perth-and-kinross-2019');
    const raised = await journey.record(raise('perth-and-kinross-2019', {
      raisedAt: '2025-11-27T10:00:00.000Z', raising: 'Education', receiving: 'Police', raisingRole: 'Head teacher',
      categoryCode: 'level_of_need_or_risk', urgency: 'IMMEDIATE', raisedVia: 'IN_PERSON', startStageCode: '2',
    }));
    expect(raised.stages.map((s) => [s.stageCode, s.skippedStageCodes])).toEqual([['2', ['resolution', '1']]]);
    await journey.milestone('RESOLUTION_MEETING_HELD', '2025-12-02T14:00:00.000Z');
    await journey.move('3', '2025-12-04T09:00:00.000Z');
    await journey.milestone('RESOLUTION_MEETING_HELD', '2025-12-10T11:00:00.000Z');
    await journey.move('4', '2025-12-11T08:00:00.000Z');
    await journey.milestone('FEEDBACK_GIVEN', '2025-12-12T12:00:00.000Z');
    const done = await journey.resolve('2025-12-15T15:00:00.000Z', { outcome: 'The CSWO determined the plan.', writtenConfirmationGiven: false, feedbackGiven: true });

    expect(done).toMatchObject({ status: 'RESOLVED', currentStageCode: '4', highestTier: 5, highestStageOrder: 5, resolvedTier: 5, version: 7 });
    expect(stagesOf(done)).toEqual([
      stage('2', 2, '2025-11-27T10:00:00.000Z', '2025-12-04T09:00:00.000Z', 'ESCALATED', ['resolution', '1']),
      stage('3', 4, '2025-12-04T09:00:00.000Z', '2025-12-11T08:00:00.000Z', 'ESCALATED'),
      stage('4', 5, '2025-12-11T08:00:00.000Z', '2025-12-15T15:00:00.000Z', 'RESOLVED'),
    ]);
    // From Thursday 27 November: Fri 28 (1), [Mon 1 December, St Andrew's Day substitute], Tue 2 (2), Wed 3 (3), Thu 4 (4), Fri 5 (5).
    expect(outcomesByRule(done)).toEqual({
      'stage-resolution-local-5wd': NA,
      'stage-1-local-5wd': NA,
      'stage-2-local-5wd': { status: 'MET', anchorAt: '2025-11-27T10:00:00.000Z', deadline: '2025-12-05T10:00:00.000Z', targetAt: '2025-12-04T09:00:00.000Z' },
      'stage-2-meeting-local-3wd': { status: 'MET', anchorAt: '2025-11-27T10:00:00.000Z', deadline: '2025-12-03T10:00:00.000Z', targetAt: '2025-12-02T14:00:00.000Z' },
      'stage-3-local-5wd': { status: 'MET', anchorAt: '2025-12-04T09:00:00.000Z', deadline: '2025-12-11T09:00:00.000Z', targetAt: '2025-12-11T08:00:00.000Z' },
      'stage-3-meeting-local-3wd': { status: 'BREACHED', anchorAt: '2025-12-04T09:00:00.000Z', deadline: '2025-12-09T09:00:00.000Z', targetAt: '2025-12-10T11:00:00.000Z' },
      'stage-4-meeting-local-3wd': { status: 'MET', anchorAt: '2025-12-11T08:00:00.000Z', deadline: '2025-12-16T08:00:00.000Z', targetAt: '2025-12-15T15:00:00.000Z' },
    });
    // Tuesday 09:00–24:00 (15/24) and Wednesday 00:00–11:00 (11/24).
    expect(lateness(done, 'stage-3-meeting-local-3wd')).toBeCloseTo(26 / 24, 9);
    expect(requirementsByStage(done)).toEqual({
      '2': ['RESOLUTION_MEETING: MET@2025-12-02T14:00:00.000Z', 'FEEDBACK_TO_RAISER: MISSING', 'RECORD_ON_CHILD_FILE: NOT_RECORDED'],
      '3': ['RESOLUTION_MEETING: MET@2025-12-10T11:00:00.000Z', 'FEEDBACK_TO_RAISER: MISSING', 'RECORD_ON_CHILD_FILE: NOT_RECORDED'],
      '4': ['RESOLUTION_MEETING: MISSING', 'FEEDBACK_TO_RAISER: MET@2025-12-12T12:00:00.000Z', 'RECORD_ON_CHILD_FILE: NOT_RECORDED'],
    });
  });

  it('Dumfries and Galloway: immediate risk raised on a Saturday is escalated the next working day, then found out of scope', async () => {
    const journey = journeyFor('dumfries-and-galloway-2024');
    await journey.record(raise('dumfries-and-galloway-2024', {
      raisedAt: '2025-01-04T10:00:00.000Z', raising: "Children's Social Care", receiving: 'Health', raisingRole: 'Social worker',
      categoryCode: 'drift_and_delay', urgency: 'IMMEDIATE', raisedVia: 'PHONE',
    }));
    await journey.move('line-managers', '2025-01-06T16:00:00.000Z');
    await journey.move('next-tier-managers', '2025-01-14T09:00:00.000Z');
    const done = await journey.outOfScope('2025-01-15T12:00:00.000Z', "A concern about one professional's conduct: referred to the complaints procedure.");

    expect(done).toMatchObject({
      status: 'OUT_OF_SCOPE', closedAt: '2025-01-15T12:00:00.000Z', outcome: "A concern about one professional's conduct: referred to the complaints procedure.",
      currentStageCode: 'next-tier-managers', highestTier: 3, highestStageOrder: 3, resolvedTier: null, writtenConfirmationGiven: null, version: 4,
    });
    expect(stagesOf(done)).toEqual([
      stage('resolution', 1, '2025-01-04T10:00:00.000Z', '2025-01-06T16:00:00.000Z', 'ESCALATED'),
      stage('line-managers', 2, '2025-01-06T16:00:00.000Z', '2025-01-14T09:00:00.000Z', 'ESCALATED'),
      stage('next-tier-managers', 3, '2025-01-14T09:00:00.000Z', '2025-01-15T12:00:00.000Z', 'WITHDRAWN'),
    ]);
    expect(outcomesByRule(done)).toEqual({
      // Saturday is not a working day: "the same working day" is Monday 6 January, to its last instant.
      'immediate-risk-same-day': { status: 'MET', anchorAt: '2025-01-04T10:00:00.000Z', deadline: '2025-01-06T23:59:59.999Z', targetAt: '2025-01-06T16:00:00.000Z' },
      // From a Saturday, counting starts at 00:00 on Monday 6 January: five working days later is Monday 13 January 00:00.
      'stage-resolution-local-5wd': { status: 'MET', anchorAt: '2025-01-04T10:00:00.000Z', deadline: '2025-01-13T00:00:00.000Z', targetAt: '2025-01-06T16:00:00.000Z' },
      'stage-line-managers-local-5wd': { status: 'BREACHED', anchorAt: '2025-01-06T16:00:00.000Z', deadline: '2025-01-13T16:00:00.000Z', targetAt: '2025-01-14T09:00:00.000Z' },
      // Closed before its deadline without reaching the target: the clock stopped, not applicable.
      'stage-next-tier-managers-local-5wd': { status: 'NOT_APPLICABLE', anchorAt: '2025-01-14T09:00:00.000Z', deadline: '2025-01-21T09:00:00.000Z', targetAt: null },
    });
    expect(lateness(done, 'stage-line-managers-local-5wd')).toBeCloseTo(17 / 24, 9);
    expect(requirementsByStage(done)).toEqual({ resolution: [], 'line-managers': [], 'next-tier-managers': [] });
  });

  it('CSCP five stages: a standard escalation reaches the executive across Easter and the early May bank holiday', async () => {
    const journey = journeyFor('cscp-five-stages');
    await journey.record(raise('cscp-five-stages', {
      raisedAt: '2025-04-14T09:00:00.000Z', raising: 'Education', receiving: "Children's Social Care", raisingRole: 'Designated safeguarding lead',
      categoryCode: 'agreed_action_not_completed', urgency: 'STANDARD', raisedVia: 'EMAIL',
    }));
    await journey.move('2', '2025-04-16T12:00:00.000Z');
    await journey.move('3', '2025-04-24T10:00:00.000Z');
    await journey.milestone('RESOLUTION_MEETING_HELD', '2025-04-28T13:00:00.000Z');
    await journey.milestone('NOTIFICATION_FORM_SUBMITTED', '2025-04-29T09:00:00.000Z');
    await journey.milestone('FEEDBACK_GIVEN', '2025-04-29T15:00:00.000Z');
    await journey.move('4', '2025-05-02T09:00:00.000Z');
    await journey.move('5', '2025-05-08T14:00:00.000Z');
    await journey.milestone('SCRUTINEER_NOTIFIED', '2025-05-09T10:00:00.000Z');
    await journey.milestone('NOTIFICATION_FORM_SUBMITTED', '2025-05-09T11:00:00.000Z');
    await journey.resolve('2025-05-15T16:00:00.000Z', { outcome: 'Executive decision recorded.', writtenConfirmationGiven: false, feedbackGiven: true });
    const done = await journey.milestone('FEEDBACK_GIVEN', '2025-05-15T16:30:00.000Z');

    expect(done).toMatchObject({ status: 'RESOLVED', currentStageCode: '5', highestTier: 5, highestStageOrder: 5, resolvedTier: 5, writtenConfirmationGiven: false, feedbackGiven: true, version: 12 });
    expect(stagesOf(done)).toEqual([
      stage('1', 1, '2025-04-14T09:00:00.000Z', '2025-04-16T12:00:00.000Z', 'ESCALATED'),
      stage('2', 2, '2025-04-16T12:00:00.000Z', '2025-04-24T10:00:00.000Z', 'ESCALATED'),
      stage('3', 3, '2025-04-24T10:00:00.000Z', '2025-05-02T09:00:00.000Z', 'ESCALATED'),
      stage('4', 4, '2025-05-02T09:00:00.000Z', '2025-05-08T14:00:00.000Z', 'ESCALATED'),
      stage('5', 5, '2025-05-08T14:00:00.000Z', '2025-05-15T16:00:00.000Z', 'RESOLVED'),
    ]);
    expect(outcomesByRule(done)).toEqual({
      // Mon 14 April: Tue 15 (1), Wed 16 (2), Thu 17 (3), [Good Friday, Easter Monday], Tue 22 (4), Wed 23 (5).
      'stage-1-local-5wd': { status: 'MET', anchorAt: '2025-04-14T09:00:00.000Z', deadline: '2025-04-23T09:00:00.000Z', targetAt: '2025-04-16T12:00:00.000Z' },
      // Wed 16 April: Thu 17 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4), Fri 25 (5).
      'stage-2-local-5wd': { status: 'MET', anchorAt: '2025-04-16T12:00:00.000Z', deadline: '2025-04-25T12:00:00.000Z', targetAt: '2025-04-24T10:00:00.000Z' },
      // Thu 24 April: Fri 25 (1), Mon 28 (2), Tue 29 (3), Wed 30 (4), Thu 1 May (5).
      'stage-3-local-5wd': { status: 'BREACHED', anchorAt: '2025-04-24T10:00:00.000Z', deadline: '2025-05-01T10:00:00.000Z', targetAt: '2025-05-02T09:00:00.000Z' },
      // Fri 2 May: [Mon 5 May, early May bank holiday], Tue 6 (1) … Mon 12 (5).
      'stage-4-local-5wd': { status: 'MET', anchorAt: '2025-05-02T09:00:00.000Z', deadline: '2025-05-12T09:00:00.000Z', targetAt: '2025-05-08T14:00:00.000Z' },
      'notification-form-local-5wd': { status: 'MET', anchorAt: '2025-04-24T10:00:00.000Z', deadline: '2025-05-01T10:00:00.000Z', targetAt: '2025-04-29T09:00:00.000Z' },
    });
    // Thursday 11:00–24:00 BST (13/24) and Friday 00:00–10:00 BST (10/24).
    expect(lateness(done, 'stage-3-local-5wd')).toBeCloseTo(23 / 24, 9);
    expect(requirementsByStage(done)).toEqual({
      '1': [],
      '2': ['FEEDBACK_TO_RAISER: MISSING'],
      '3': ['RESOLUTION_MEETING: MET@2025-04-28T13:00:00.000Z', 'NOTIFICATION_FORM: MET@2025-04-29T09:00:00.000Z', 'FEEDBACK_TO_RAISER: MET@2025-04-29T15:00:00.000Z'],
      '4': ['NOTIFICATION_FORM: MISSING', 'FEEDBACK_TO_RAISER: MISSING'],
      '5': ['NOTIFICATION_FORM: MET@2025-05-09T11:00:00.000Z', 'NOTIFY_SCRUTINEER: MET@2025-05-09T10:00:00.000Z', 'FEEDBACK_TO_RAISER: MET@2025-05-15T16:30:00.000Z'],
    });
  });
});
