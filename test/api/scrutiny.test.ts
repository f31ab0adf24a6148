import type { InstalledPartnership } from '@escalation-insights/database';
import { GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertPartnership } from '../support/fixtures.js';
import { Journey, TestClock, type ApiEscalation } from '../support/escalation-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * The scrutineer's review, over four Gloucestershire escalations worked by hand (ladder:
 * stage 1 tier 1, 2 tier 3, 3 tier 4, 4 tier 5; stage 1 asks for feedback to the raiser,
 * stage 3 for independent facilitation among others; no stage asks for written
 * confirmation or a notification form). Period: March 2025, [2025-03-01, 2025-04-01).
 *
 * GL-1  reached stage 3 (tier 4), feedback given at stage 1, joint plan in time, resolved.
 * GL-2  reached stage 4 (tier 5), no feedback at stage 1, joint plan overdue, still open.
 * GL-3  stopped at stage 2 (tier 3): not in the review.
 * GL-4  reached stage 3, but raised 00:30 BST on 1 April (23:30 UTC on 31 March): outside the period.
 */

const REVIEW = `query($partnershipId: ID!, $from: String!, $to: String!) {
  scrutinyReview(partnershipId: $partnershipId, from: $from, to: $to) {
    partnershipId from to
    escalations {
      id reference raisedAt status outcome resolvedAt closedAt highestTier resolvedTier tiersReached stagesEntered
      writtenConfirmationGiven feedbackGiven
      requirements { requirement status requiredByProtocol requiredAtStages missingAtStages }
      timescales { met breached overdue pending }
      auditEvents { occurredAt actorLabel action entityId }
    }
  }
}`;
const MARCH = { from: '2025-03-01', to: '2025-04-01' };

interface ReviewEscalation {
  id: string;
  reference: string;
  status: string;
  requirements: { requirement: string; status: string; requiredByProtocol: boolean; requiredAtStages: string[]; missingAtStages: string[] }[];
  auditEvents: { occurredAt: string; actorLabel: string; action: string; entityId: string }[];
  [field: string]: unknown;
}

/** RFC 4180, enough for the export: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += char;
  }
  return rows;
}

describe('the scrutineer’s review', () => {
  const clock = new TestClock('2025-03-03T09:00:00.000Z');
  let app: TestApp;
  let glos: InstalledPartnership;
  let unit: TestClient;
  let scrutineer: TestClient;
  let one: ApiEscalation;
  let two: ApiEscalation;

  const input = (reference: string, raisedAt: string) => ({
    partnershipId: glos.partnershipId,
    reference,
    raisingAgencyId: glos.agencyIds['Police'],
    raisingRole: 'Detective sergeant',
    receivingAgencyId: glos.agencyIds["Children's Social Care"],
    categoryCode: 'agreed_actions',
    urgency: 'STANDARD',
    raisedVia: 'PHONE',
    summary: 'Agreed actions not done.',
    raisedAt,
  });

  beforeAll(async () => {
    app = await startTestApp({
      clock: clock.now,
      outcomeRefreshMinutes: 0,
      seed: async (url) => {
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
      },
    });
    unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
    scrutineer = await app.as('scrutineer', { partnershipId: glos.partnershipId });

    const first = new Journey(unit, clock);
    await first.record(input('GL-1', '2025-03-03T09:00:00.000Z'));
    await first.milestone('LINE_MANAGER_CONTACTED', '2025-03-03T10:00:00.000Z');
    await first.milestone('FEEDBACK_GIVEN', '2025-03-03T11:00:00.000Z');
    await first.move('2', '2025-03-04T09:00:00.000Z');
    await first.move('3', '2025-03-05T09:00:00.000Z');
    await first.milestone('RESOLUTION_MEETING_HELD', '2025-03-06T09:00:00.000Z');
    await first.milestone('JOINT_PLAN_AGREED', '2025-03-07T09:00:00.000Z');
    one = await first.resolve('2025-03-10T09:00:00.000Z', { outcome: '-Joint plan agreed; review in three months', writtenConfirmationGiven: true, feedbackGiven: true });

    const second = new Journey(unit, clock);
    await second.record(input('GL-2', '2025-03-04T09:00:00.000Z'));
    await second.move('2', '2025-03-04T12:00:00.000Z');
    await second.move('3', '2025-03-05T12:00:00.000Z');
    two = await second.move('4', '2025-03-13T09:00:00.000Z');

    const third = new Journey(unit, clock);
    await third.record(input('GL-3', '2025-03-05T09:00:00.000Z'));
    await third.move('2', '2025-03-06T09:00:00.000Z');

    const fourth = new Journey(unit, clock);
    await fourth.record(input('GL-4', '2025-03-31T23:30:00.000Z'));
    await fourth.move('2', '2025-04-01T09:00:00.000Z');
    await fourth.move('3', '2025-04-02T09:00:00.000Z');
    clock.set('2025-03-20T09:00:00.000Z');
  });
  afterAll(async () => {
    await app?.close();
  });

  async function review(client: TestClient, period = MARCH): Promise<ReviewEscalation[]> {
    const response = await client.graphql<{ scrutinyReview: { escalations: ReviewEscalation[] } }>(REVIEW, { partnershipId: glos.partnershipId, ...period });
    expect(response.errors).toBeUndefined();
    return response.data!.scrutinyReview.escalations;
  }

  it('lists every escalation of the period that reached tier 4 or 5, with its tiers, outcome and timescales', async () => {
    const escalations = await review(scrutineer);
    expect(escalations.map(({ requirements: _r, auditEvents: _a, ...facts }) => facts)).toEqual([
      {
        id: one.id, reference: 'GL-1', raisedAt: '2025-03-03T09:00:00.000Z', status: 'RESOLVED', outcome: '-Joint plan agreed; review in three months',
        resolvedAt: '2025-03-10T09:00:00.000Z', closedAt: '2025-03-10T09:00:00.000Z', highestTier: 4, resolvedTier: 4,
        tiersReached: [1, 3, 4], stagesEntered: ['1', '2', '3'], writtenConfirmationGiven: true, feedbackGiven: true,
        // 24-hour manager contact met (10:00); joint plan met (Friday, within five working days); the fallback rule does not apply.
        timescales: { met: 2, breached: 0, overdue: 0, pending: 0 },
      },
      {
        id: two.id, reference: 'GL-2', raisedAt: '2025-03-04T09:00:00.000Z', status: 'OPEN', outcome: null,
        resolvedAt: null, closedAt: null, highestTier: 5, resolvedTier: null,
        tiersReached: [1, 3, 4, 5], stagesEntered: ['1', '2', '3', '4'], writtenConfirmationGiven: null, feedbackGiven: null,
        // Manager contact met by moving up at 12:00; no joint plan by 12 March 12:00 (overdue); Executive reached within six working days (met).
        timescales: { met: 2, breached: 0, overdue: 1, pending: 0 },
      },
    ]);
  });

  it('says for each protocol requirement whether it was met, missing, not recordable or not required by this protocol', async () => {
    const [first, second] = await review(scrutineer);
    const notByProtocol = { status: 'NOT_REQUIRED', requiredByProtocol: false, requiredAtStages: [], missingAtStages: [] };
    const facilitation = { requirement: 'INDEPENDENT_FACILITATION', status: 'NOT_RECORDED', requiredByProtocol: true, requiredAtStages: ['3'], missingAtStages: [] };
    expect(first!.requirements).toEqual([
      { requirement: 'WRITTEN_CONFIRMATION', ...notByProtocol },
      { requirement: 'FEEDBACK_TO_RAISER', status: 'MET', requiredByProtocol: true, requiredAtStages: ['1'], missingAtStages: [] },
      { requirement: 'NOTIFICATION_FORM', ...notByProtocol },
      facilitation,
    ]);
    expect(second!.requirements).toEqual([
      { requirement: 'WRITTEN_CONFIRMATION', ...notByProtocol },
      { requirement: 'FEEDBACK_TO_RAISER', status: 'MISSING', requiredByProtocol: true, requiredAtStages: ['1'], missingAtStages: ['1'] },
      { requirement: 'NOTIFICATION_FORM', ...notByProtocol },
      facilitation,
    ]);
  });

  it('carries each escalation’s audit trail: who did what, when, oldest first', async () => {
    const [first, second] = await review(scrutineer);
    const trail = (events: ReviewEscalation['auditEvents']) => events.map((e) => [e.occurredAt, e.actorLabel, e.action]);
    expect(trail(first!.auditEvents)).toEqual([
      ['2025-03-03T09:00:00.000Z', unit.email, 'escalation.recorded'],
      ['2025-03-03T10:00:00.000Z', unit.email, 'escalation.milestone_recorded'],
      ['2025-03-03T11:00:00.000Z', unit.email, 'escalation.milestone_recorded'],
      ['2025-03-04T09:00:00.000Z', unit.email, 'escalation.stage_entered'],
      ['2025-03-05T09:00:00.000Z', unit.email, 'escalation.stage_entered'],
      ['2025-03-06T09:00:00.000Z', unit.email, 'escalation.milestone_recorded'],
      ['2025-03-07T09:00:00.000Z', unit.email, 'escalation.milestone_recorded'],
      ['2025-03-10T09:00:00.000Z', unit.email, 'escalation.resolved'],
    ]);
    expect(first!.auditEvents.every((e) => e.entityId === one.id)).toBe(true);
    expect(trail(second!.auditEvents).map(([, , action]) => action)).toEqual([
      'escalation.recorded', 'escalation.stage_entered', 'escalation.stage_entered', 'escalation.stage_entered',
    ]);
  });

  it('gives the business unit the same review, and no other role any', async () => {
    expect(await review(unit)).toEqual(await review(scrutineer));
    for (const role of ['executive', 'improvement_group', 'administrator', 'national_viewer'] as const) {
      const client = await app.as(role, { partnershipId: role === 'national_viewer' ? null : glos.partnershipId });
      const response = await client.graphql(REVIEW, { partnershipId: glos.partnershipId, ...MARCH });
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect((await app.graphql(REVIEW, { partnershipId: glos.partnershipId, ...MARCH })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a scrutineer read everything and change nothing', async () => {
    const before = await rowCounts();
    await review(scrutineer);
    const attempts = [
      `mutation { nameEscalationContact(input: { partnershipId: "${glos.partnershipId}", escalationId: "${two.id}", userId: "${scrutineer.id}" }) { userId } }`,
      `mutation { recordMilestone(input: { partnershipId: "${glos.partnershipId}", escalationId: "${two.id}", expectedVersion: ${two.version}, kind: FEEDBACK_GIVEN, occurredAt: "2025-03-14T09:00:00.000Z" }) { id } }`,
      `mutation { resolveEscalation(input: { partnershipId: "${glos.partnershipId}", escalationId: "${two.id}", expectedVersion: ${two.version}, closedAt: "2025-03-14T09:00:00.000Z", outcome: "x", writtenConfirmationGiven: true, feedbackGiven: true }) { id } }`,
    ];
    for (const attempt of attempts) expect((await scrutineer.graphql(attempt)).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await rowCounts()).toEqual(before);
  });

  it('narrows to the period of raising, read in UK time, and refuses a period that is not one', async () => {
    expect((await review(scrutineer, { from: '2025-03-04', to: '2025-04-01' })).map((e) => e.reference)).toEqual(['GL-2']);
    expect((await review(scrutineer, { from: '2025-04-01', to: '2025-05-01' })).map((e) => e.reference)).toEqual(['GL-4']);
    for (const [period, field] of [[{ from: '2025-04-01', to: '2025-03-01' }, 'to'], [{ from: '2025-02-30', to: '2025-03-01' }, 'from']] as const) {
      const response = await scrutineer.graphql(REVIEW, { partnershipId: glos.partnershipId, ...period });
      expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.['field']])).toEqual([['INVALID_PERIOD', field]]);
    }
  });

  describe('GET /exports/scrutiny.csv', () => {
    const get = (client: TestClient | null, query: string) =>
      fetch(`${app.url}/exports/scrutiny.csv?${query}`, client ? { headers: { cookie: client.cookie } } : {});
    const march = () => `partnershipId=${glos.partnershipId}&from=2025-03-01&to=2025-04-01`;

    it('downloads the review, one row per escalation, with formulas defused, and audits the download', async () => {
      const response = await get(scrutineer, march());
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="scrutiny-2025-03-01-to-2025-04-01.csv"');
      const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
      const cell = (row: string[], name: string) => row[header!.indexOf(name)];
      expect(rows.map((row) => cell(row, 'Reference'))).toEqual(['GL-1', 'GL-2']);
      expect(rows.map((row) => cell(row, 'Tiers reached'))).toEqual(['1 > 3 > 4', '1 > 3 > 4 > 5']);
      expect(cell(rows[0]!, 'Outcome')).toBe("'-Joint plan agreed; review in three months");
      expect(cell(rows[0]!, 'Resolved (UK time)')).toBe('10/03/2025 09:00');
      expect(rows.map((row) => cell(row, 'Feedback to the raiser'))).toEqual(['met', 'missing at stage 1']);
      expect(cell(rows[0]!, 'Written confirmation')).toBe('not required by this protocol');
      expect(cell(rows[0]!, 'Independent facilitation')).toBe('not recorded (no milestone can show it)');
      expect(rows.map((row) => cell(row, 'Timescales overdue'))).toEqual(['0', '1']);
      expect(cell(rows[1]!, 'Audit trail (UK time, who, what)')!.split('\n')).toEqual([
        `04/03/2025 09:00 ${unit.email} escalation.recorded`,
        `04/03/2025 12:00 ${unit.email} escalation.stage_entered`,
        `05/03/2025 12:00 ${unit.email} escalation.stage_entered`,
        `13/03/2025 09:00 ${unit.email} escalation.stage_entered`,
      ]);
      const audited = await withClient(app.databaseUrl, (client) =>
        client.query(`SELECT actor_label, changes FROM audit_event WHERE action = 'scrutiny_review.exported'`),
      );
      expect(audited.rows).toEqual([
        { actor_label: scrutineer.email, changes: { before: {}, after: { format: 'csv', from: '2025-03-01', to: '2025-04-01', rows: 2 } } },
      ]);
    });

    it('is for record-level roles only, and refuses a bad period with a clear error', async () => {
      expect((await get(unit, march())).status).toBe(200);
      const executive = await app.as('executive', { partnershipId: glos.partnershipId });
      expect((await get(executive, march())).status).toBe(403);
      expect((await get(null, march())).status).toBe(401);
      const bad = await get(scrutineer, `partnershipId=${glos.partnershipId}&from=2025-04-01&to=2025-03-01`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ code: 'INVALID_PERIOD', field: 'to' });
    });
  });

  /** Rows of the tables a change would touch, the audit trail included, and the highest escalation version. */
  async function rowCounts() {
    return (await withClient(app.databaseUrl, (client) =>
      client.query(`SELECT (SELECT count(*) FROM escalation)::int AS escalations, (SELECT count(*) FROM milestone)::int AS milestones,
                           (SELECT count(*) FROM stage_entry)::int AS entries, (SELECT count(*) FROM escalation_contact)::int AS contacts,
                           (SELECT count(*) FROM audit_event)::int AS audit_events, (SELECT max(version) FROM escalation)::int AS version`),
    )).rows[0];
  }
});
