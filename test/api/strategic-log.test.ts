import { DUDLEY } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { insertEscalations, insertFixturePartnership, type FixtureEscalation, type FixturePartnership } from '../support/analytics-fixture.js';
import { appRoleUrl } from '../support/app-role.js';
import { TestClock } from '../support/escalation-api.js';
import type { GraphqlError, TestApp, TestClient } from '../support/test-app.js';
import { startTestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * The strategic escalation log through the API: raising an entry from a theme signal and
 * by hand, the business unit's edits, the executive's response, the status history, the
 * live theme figures, "Has it worked?" against figures worked out by hand, and who may
 * do what.
 *
 * Theme X is "course_of_action" received by Police; theme Y "agreed_action_not_completed"
 * received by Health. Times are UTC; British Summer Time runs from 30 March 2025, so
 * 2025-03-31T23:00Z is 00:00 on 1 April in London and 2025-06-30T23:00Z is 00:00 on 1 July.
 */

const X = { category: 'course_of_action', receiving: 'Police' };
const Y = { category: 'agreed_action_not_completed', receiving: 'Health' };

function escalation(reference: string, raisedAt: string, theme: { category: string; receiving: string }, status: 'open' | 'out_of_scope' = 'open'): FixtureEscalation {
  return {
    reference, raisedAt, raising: 'Education', receiving: theme.receiving, category: theme.category, urgency: 'standard', stages: ['1'],
    status, ...(status === 'open' ? {} : { closedAt: raisedAt }),
  };
}

const ESCALATIONS: readonly FixtureEscalation[] = [
  // Theme X: local 30 December 2024, before every window.
  escalation('X-00', '2024-12-30T23:59:00.000Z', X),
  // Theme X, twelve in [31 December 2024, 1 April 2025): the "before" window of a 1 April completion.
  escalation('X-01', '2024-12-31T00:00:00.000Z', X),
  escalation('X-02', '2025-01-06T10:00:00.000Z', X),
  escalation('X-03', '2025-01-13T10:00:00.000Z', X),
  escalation('X-04', '2025-01-20T10:00:00.000Z', X),
  escalation('X-05', '2025-02-10T10:00:00.000Z', X),
  escalation('X-06', '2025-02-17T10:00:00.000Z', X),
  escalation('X-07', '2025-02-24T10:00:00.000Z', X),
  escalation('X-08', '2025-03-03T10:00:00.000Z', X),
  escalation('X-09', '2025-03-10T10:00:00.000Z', X),
  escalation('X-10', '2025-03-17T10:00:00.000Z', X),
  escalation('X-11', '2025-03-24T10:00:00.000Z', X),
  escalation('X-12', '2025-03-31T22:59:00.000Z', X), // 23:59 on 31 March in London
  // Theme X, ten in [1 April, 1 July 2025): the "after" window.
  escalation('X-13', '2025-03-31T23:00:00.000Z', X), // 00:00 on 1 April in London
  escalation('X-14', '2025-04-07T10:00:00.000Z', X),
  escalation('X-15', '2025-04-14T10:00:00.000Z', X),
  escalation('X-16', '2025-04-22T10:00:00.000Z', X),
  escalation('X-17', '2025-05-06T10:00:00.000Z', X),
  escalation('X-18', '2025-05-13T10:00:00.000Z', X),
  escalation('X-19', '2025-05-20T10:00:00.000Z', X),
  escalation('X-20', '2025-06-03T10:00:00.000Z', X),
  escalation('X-21', '2025-06-10T10:00:00.000Z', X),
  escalation('X-22', '2025-06-30T22:59:00.000Z', X), // 23:59 on 30 June in London
  // Theme X on 1 July in London: after the "after" window while the windows are 91 days.
  escalation('X-23', '2025-06-30T23:00:00.000Z', X),
  // Never counted in theme X: out of scope, and the right category for another agency.
  escalation('X-OUT', '2025-02-05T10:00:00.000Z', X, 'out_of_scope'),
  escalation('X-HEALTH', '2025-02-06T10:00:00.000Z', { category: X.category, receiving: 'Health' }),
  // Theme Y: six before 1 April, two after.
  escalation('Y-01', '2025-01-15T10:00:00.000Z', Y),
  escalation('Y-02', '2025-02-15T10:00:00.000Z', Y),
  escalation('Y-03', '2025-03-01T10:00:00.000Z', Y),
  escalation('Y-04', '2025-03-05T10:00:00.000Z', Y),
  escalation('Y-05', '2025-03-10T10:00:00.000Z', Y),
  escalation('Y-06', '2025-03-15T10:00:00.000Z', Y),
  escalation('Y-07', '2025-04-15T10:00:00.000Z', Y),
  escalation('Y-08', '2025-05-15T10:00:00.000Z', Y),
];

const ADDED = '2025-02-03T10:00:00.000Z';
const COMPLETED = '2025-04-01T09:00:00.000Z'; // 10:00 on 1 April in London
const NOW = '2025-07-01T12:00:00.000Z';

const ENTRY = `
  fragment Entry on StrategicLogEntry {
    id partnershipId title description addedOn owner executiveResponse status reviewDate isOverdue completedOn version createdBy
    theme { categoryCode categoryLabel receivingAgencyId receivingAgencyName }
    linkedEscalationCount { value display suppressed }
    statusHistory { fromStatus toStatus note changedBy changedAt }
  }`;
const IMPACT = `
  hasItWorked {
    completedOn windowDays tooFewToTell caveat summary fewestEscalations change
    before { from to perMonth escalations { value display suppressed } }
    after { from to perMonth escalations { value display suppressed } }
  }`;
const FIGURES = `
  themeFigures {
    since through
    raisedSinceAdded { value display suppressed }
    linked { value display suppressed }
    months { month partial escalations { value display } }
  }`;
const RAISE = `mutation Raise($input: RaiseLogEntryFromThemeSignalInput!) { raiseLogEntryFromThemeSignal(input: $input) { ...Entry } } ${ENTRY}`;
const CREATE = `mutation Create($input: CreateLogEntryInput!) { createLogEntry(input: $input) { ...Entry } } ${ENTRY}`;
const UPDATE = `mutation Update($input: UpdateLogEntryInput!) { updateLogEntry(input: $input) { ...Entry } } ${ENTRY}`;
const RESPOND = `mutation Respond($input: RespondToLogEntryInput!) { respondToLogEntry(input: $input) { ...Entry } } ${ENTRY}`;
const CHANGE_STATUS = `mutation Status($input: ChangeLogEntryStatusInput!) { changeLogEntryStatus(input: $input) { ...Entry } } ${ENTRY}`;
const GET = (fields: string) => `query Get($partnershipId: ID!, $id: ID!) { strategicLogEntry(partnershipId: $partnershipId, id: $id) { ...Entry ${fields} } } ${ENTRY}`;
const LIST = `query List($partnershipId: ID!, $statuses: [StrategicLogStatus!], $overdueOnly: Boolean! = false) {
  strategicLog(partnershipId: $partnershipId, statuses: $statuses, overdueOnly: $overdueOnly) { totalCount items { id title status isOverdue } } }`;
const OVERDUE = `query Overdue($partnershipId: ID!) { overdueLogEntries(partnershipId: $partnershipId) { count asOf entries { id title reviewDate } } }`;

interface Entry {
  id: string;
  partnershipId: string;
  title: string;
  description: string;
  addedOn: string;
  owner: string;
  executiveResponse: string;
  status: string;
  reviewDate: string | null;
  isOverdue: boolean;
  completedOn: string | null;
  version: number;
  createdBy: string | null;
  theme: Record<string, string | null> | null;
  linkedEscalationCount: { value: number | null; display: string; suppressed: boolean };
  statusHistory: { fromStatus: string | null; toStatus: string; note: string; changedBy: string | null; changedAt: string }[];
  [field: string]: unknown;
}

async function ok<T = Entry>(client: TestClient, query: string, variables: object, field: string): Promise<T> {
  const response = await client.graphql<Record<string, T>>(query, variables);
  if (response.errors) throw new Error(`${field}: ${JSON.stringify(response.errors)}`);
  return response.data![field]!;
}

async function refused(client: TestClient, query: string, variables: object): Promise<GraphqlError> {
  const response = await client.graphql(query, variables);
  expect(response.errors?.length).toBe(1);
  return response.errors![0]!;
}

describe('the strategic escalation log', () => {
  const clock = new TestClock(ADDED);
  let app: TestApp;
  let p: FixturePartnership;
  let ids: Map<string, string>;
  let unit: TestClient;
  let executive: TestClient;
  let improvement: TestClient;
  let scrutineer: TestClient;
  let entryX: Entry;
  let entryY: Entry;

  const stored = (id: string) =>
    withClient(app.databaseUrl, async (client) => ({
      entry: (await client.query(`SELECT * FROM strategic_log_entry WHERE id = $1`, [id])).rows,
      links: (await client.query(`SELECT escalation_id::text FROM strategic_log_escalation WHERE entry_id = $1 ORDER BY 1`, [id])).rows,
      history: (await client.query(`SELECT * FROM strategic_log_status_change WHERE entry_id = $1 ORDER BY id`, [id])).rows,
    }));
  const auditActions = (id: string) =>
    withClient(app.databaseUrl, async (client) =>
      (await client.query<{ action: string; actor_label: string }>(
        `SELECT action, actor_label FROM audit_event WHERE entity_type = 'strategic_log_entry' AND entity_id = $1 ORDER BY id`, [id])).rows);

  beforeAll(async () => {
    app = await startTestApp({
      clock: clock.now,
      seed: async (url) => {
        p = await insertFixturePartnership(url, DUDLEY, 'dudley-log');
        ids = await insertEscalations(url, p, ESCALATIONS);
      },
    });
    [unit, executive, improvement, scrutineer] = await Promise.all([
      app.as('business_unit', { partnershipId: p.partnershipId }),
      app.as('executive', { partnershipId: p.partnershipId }),
      app.as('improvement_group', { partnershipId: p.partnershipId }),
      app.as('scrutineer', { partnershipId: p.partnershipId }),
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('raising and keeping entries (clock: 3 February 2025)', () => {
    it('raises an entry from a theme signal, linking the escalations of the signal and naming it after the theme', async () => {
      clock.set(ADDED);
      // Over [1 January, 3 February 2025) the pair's escalations are, X-04 (6, 13 and 20 January):
      // three within 90 days, the partnership's default N = 3 and W = 90, so the signal holds all three.
      entryX = await ok(unit, RAISE, {
        input: { partnershipId: p.partnershipId, categoryCode: X.category, receivingAgencyId: p.agencies['Police'], from: '2025-01-01', to: '2025-02-03' },
      }, 'raiseLogEntryFromThemeSignal');
      expect(entryX).toMatchObject({
        title: 'A decision on what to do next, for example ending work with the family with Police',
        addedOn: '2025-02-03',
        reviewDate: '2025-05-04', // 90 days after 3 February: 25 + 31 + 30 + 4
        status: 'OPEN',
        version: 1,
        createdBy: 'Test business_unit',
        completedOn: null,
        theme: { categoryCode: X.category, receivingAgencyId: p.agencies['Police'], receivingAgencyName: 'Police' },
        linkedEscalationCount: { value: 3, display: '3', suppressed: false },
        statusHistory: [{ fromStatus: null, toStatus: 'OPEN', note: 'Added to the log.', changedBy: 'Test business_unit', changedAt: ADDED }],
      });
      expect(entryX.description).toContain('3 escalations about');
      expect((await stored(entryX.id)).links.map((l) => l['escalation_id'])).toEqual(['X-02', 'X-03', 'X-04'].map((r) => ids.get(r)).sort());
      expect(await auditActions(entryX.id)).toEqual([{ action: 'strategic_log_entry.raised_from_theme_signal', actor_label: unit.email }]);
    });

    it('refuses to raise the same theme again while its entry is not closed, naming the entry', async () => {
      const error = await refused(unit, RAISE, {
        input: { partnershipId: p.partnershipId, categoryCode: X.category, receivingAgencyId: p.agencies['Police'], from: '2025-01-01', to: '2025-02-03' },
      });
      expect(error.extensions).toMatchObject({ code: 'THEME_ALREADY_ON_LOG', entryId: entryX.id });
    });

    it('refuses a pair whose signal does not fire in the period (THEME_SIGNAL_NOT_FOUND)', async () => {
      // Theme Y has one escalation before 3 February (15 January): fewer than N = 3.
      const error = await refused(unit, RAISE, {
        input: { partnershipId: p.partnershipId, categoryCode: Y.category, receivingAgencyId: p.agencies['Health'], from: '2025-01-01', to: '2025-02-03' },
      });
      expect(error.extensions).toMatchObject({ code: 'THEME_SIGNAL_NOT_FOUND', field: 'categoryCode' });
    });

    it('creates an entry by hand with a theme and escalations chosen by the business unit', async () => {
      entryY = await ok(unit, CREATE, {
        input: {
          partnershipId: p.partnershipId, title: 'Agreed actions left undone by Health', owner: 'Designated nurse',
          categoryCode: Y.category, receivingAgencyId: p.agencies['Health'], reviewDate: '2025-03-01', escalationIds: [ids.get('Y-01')],
        },
      }, 'createLogEntry');
      expect(entryY).toMatchObject({ addedOn: '2025-02-03', reviewDate: '2025-03-01', owner: 'Designated nurse', linkedEscalationCount: { value: 1 } });
      expect(await auditActions(entryY.id)).toEqual([{ action: 'strategic_log_entry.created', actor_label: unit.email }]);
    });

    it('refuses bad input with a specific code and stores nothing', async () => {
      const count = () => withClient(app.databaseUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM strategic_log_entry`)).rows[0].n as number);
      const before = await count();
      const base = { partnershipId: p.partnershipId, title: 'By hand' };
      expect((await refused(unit, CREATE, { input: { ...base, reviewDate: '2025-02-02' } })).extensions)
        .toMatchObject({ code: 'REVIEW_DATE_BEFORE_ADDED', field: 'reviewDate' });
      expect((await refused(unit, CREATE, { input: { ...base, reviewDate: '2025-02-30' } })).extensions).toMatchObject({ code: 'INVALID_DATE' });
      expect((await refused(unit, CREATE, { input: { ...base, escalationIds: [ids.get('Y-02'), '987654'] } })).extensions)
        .toMatchObject({ code: 'ESCALATION_NOT_FOUND', field: 'escalationIds', ids: ['987654'] });
      expect((await refused(unit, CREATE, { input: { ...base, categoryCode: 'no_such_category' } })).extensions).toMatchObject({ code: 'UNKNOWN_CATEGORY' });
      expect((await refused(unit, CREATE, { input: { ...base, receivingAgencyId: '987654' } })).extensions).toMatchObject({ code: 'AGENCY_NOT_FOUND' });
      expect((await refused(unit, CREATE, { input: { ...base, title: '   ' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await count()).toBe(before);
    });

    it('lets the business unit edit an entry, refusing a stale version and a review date before the entry was added', async () => {
      const edited = await ok(unit, UPDATE, {
        input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 1, owner: 'Partnership business manager', reviewDate: '2025-03-03' },
      }, 'updateLogEntry');
      expect(edited).toMatchObject({ owner: 'Partnership business manager', reviewDate: '2025-03-03', version: 2, title: entryX.title });
      const before = await stored(entryX.id);
      const stale = await refused(unit, UPDATE, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 1, owner: 'Someone else' } });
      expect(stale.extensions).toMatchObject({ code: 'VERSION_CONFLICT', expectedVersion: 1, actualVersion: 2 });
      expect(stale.message).toContain('Reload it');
      const early = await refused(unit, UPDATE, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 2, reviewDate: '2025-01-31' } });
      expect(early.extensions).toMatchObject({ code: 'REVIEW_DATE_BEFORE_ADDED' });
      const same = await refused(unit, UPDATE, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 2, owner: 'Partnership business manager' } });
      expect(same.extensions).toMatchObject({ code: 'NOTHING_TO_CHANGE' });
      const completion = await refused(unit, UPDATE, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 2, completedOn: '2025-02-03' } });
      expect(completion.extensions).toMatchObject({ code: 'INVALID_COMPLETION_DATE' });
      const missing = await refused(unit, UPDATE, { input: { partnershipId: p.partnershipId, id: '987654', expectedVersion: 1, owner: 'x' } });
      expect(missing.extensions).toMatchObject({ code: 'LOG_ENTRY_NOT_FOUND', field: 'id' });
      expect(await stored(entryX.id)).toEqual(before);
      expect((await auditActions(entryX.id)).map((a) => a.action)).toEqual(['strategic_log_entry.raised_from_theme_signal', 'strategic_log_entry.updated']);
    });
  });

  describe('responding (clock: 1 April 2025)', () => {
    it("records the executive's response and status change, with who and when in the history", async () => {
      clock.set(COMPLETED);
      const answered = await ok(executive, RESPOND, {
        input: {
          partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 2, status: 'ACTIONED',
          executiveResponse: 'Joint audit of Police decisions agreed and done.', note: 'Audit completed in March.',
        },
      }, 'respondToLogEntry');
      expect(answered).toMatchObject({
        status: 'ACTIONED', executiveResponse: 'Joint audit of Police decisions agreed and done.', completedOn: '2025-04-01', version: 3,
      });
      expect(answered.statusHistory.map(({ fromStatus, toStatus, note, changedBy, changedAt }) => [fromStatus, toStatus, note, changedBy, changedAt])).toEqual([
        [null, 'OPEN', 'Added to the log.', 'Test business_unit', ADDED],
        ['OPEN', 'ACTIONED', 'Audit completed in March.', 'Test executive', COMPLETED],
      ]);
      expect((await auditActions(entryX.id)).at(-1)).toEqual({ action: 'strategic_log_entry.responded', actor_label: executive.email });
    });

    it('refuses impossible status changes and changes that change nothing', async () => {
      const same = await refused(executive, RESPOND, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 3, status: 'ACTIONED' } });
      expect(same.extensions).toMatchObject({ code: 'STATUS_CHANGE_NOT_ALLOWED', field: 'status' });
      expect(same.message).toBe('status: the entry is already actioned');
      const back = await refused(executive, CHANGE_STATUS, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 3, status: 'OPEN' } });
      expect(back.message).toBe('status: an entry that is actioned cannot become open; it may become under review, closed');
      const nothing = await refused(executive, RESPOND, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 3 } });
      expect(nothing.extensions).toMatchObject({ code: 'NOTHING_TO_CHANGE' });
    });

    it('lets the business unit record a status change too, which sets the completion date', async () => {
      const actioned = await ok(unit, CHANGE_STATUS, {
        input: { partnershipId: p.partnershipId, id: entryY.id, expectedVersion: 1, status: 'ACTIONED', note: 'Guidance reissued.' },
      }, 'changeLogEntryStatus');
      expect(actioned).toMatchObject({ status: 'ACTIONED', completedOn: '2025-04-01', version: 2 });
      expect((await auditActions(entryY.id)).at(-1)).toEqual({ action: 'strategic_log_entry.status_changed', actor_label: unit.email });
    });
  });

  describe('the entry as read on 1 July 2025', () => {
    beforeAll(() => clock.set(NOW));

    it('keeps the theme figures live: escalations of the theme since the entry was added, by month', async () => {
      const entry = await ok(unit, GET(FIGURES), { partnershipId: p.partnershipId, id: entryX.id }, 'strategicLogEntry');
      // Theme X from 3 February 2025 (local) to now: February X-05..X-07 (3); March X-08..X-12 (5); April X-13..X-16 (4,
      // X-13 being 00:00 on 1 April in London); May X-17..X-19 (3); June X-20..X-22 (3); July X-23 (1). X-OUT (out of
      // scope) and X-HEALTH (another agency) are left out. 3 + 5 + 4 + 3 + 3 + 1 = 19. Linked, X-04 = 3.
      expect(entry['themeFigures']).toEqual({
        since: '2025-02-03', through: '2025-07-01',
        raisedSinceAdded: { value: 19, display: '19', suppressed: false },
        linked: { value: 3, display: '3', suppressed: false },
        months: [
          { month: '2025-02-01', partial: true, escalations: { value: 3, display: '3' } },
          { month: '2025-03-01', partial: false, escalations: { value: 5, display: '5' } },
          { month: '2025-04-01', partial: false, escalations: { value: 4, display: '4' } },
          { month: '2025-05-01', partial: false, escalations: { value: 3, display: '3' } },
          { month: '2025-06-01', partial: false, escalations: { value: 3, display: '3' } },
          { month: '2025-07-01', partial: true, escalations: { value: 1, display: '1' } },
        ],
      });
    });

    it('suppresses the small counts for a role without record-level access', async () => {
      const entry = await ok(executive, GET(FIGURES), { partnershipId: p.partnershipId, id: entryX.id }, 'strategicLogEntry');
      // Months 3, 5, 4, 3, 3, 1: all but March's 5 are 1–4, so shown "<5". Five of the six are hidden, so the total 19
      // gives none of them away and stays shown. The linked 3 is "<5".
      const figures = entry['themeFigures'] as { raisedSinceAdded: unknown; linked: unknown; months: { escalations: { display: string } }[] };
      expect(figures.months.map((m) => m.escalations.display)).toEqual(['<5', '5', '<5', '<5', '<5', '<5']);
      expect(figures.raisedSinceAdded).toEqual({ value: 19, display: '19', suppressed: false });
      expect(figures.linked).toEqual({ value: null, display: '<5', suppressed: true });
      expect(entry.linkedEscalationCount).toEqual({ value: null, display: '<5', suppressed: true });
    });

    it('answers "Has it worked?" against the hand-worked windows and rates', async () => {
      const entry = await ok(unit, GET(IMPACT), { partnershipId: p.partnershipId, id: entryX.id }, 'strategicLogEntry');
      // Completed C = 1 April 2025; today T = 1 July 2025. L = min(182, T − C) = min(182, 30 + 31 + 30) = 91 days.
      // Before = [C − 91, C) = [31 December 2024, 1 April 2025): X-01..X-12 = 12 (X-00 is 30 December: outside).
      // After  = [C, C + 91) = [1 April, 1 July 2025): X-13..X-22 = 10 (X-23 is 1 July: outside).
      // Rates per month of 365.25 / 12 = 30.4375 days: 12 × 30.4375 / 91 = 4.01374; 10 × 30.4375 / 91 = 3.34478.
      // Change = 3.34478 / 4.01374 − 1 = 10 / 12 − 1 = −0.16667. Both windows hold at least 10: no caveat.
      const impact = entry['hasItWorked'] as Record<string, any>;
      expect(impact).toMatchObject({
        completedOn: '2025-04-01', windowDays: 91, tooFewToTell: false, caveat: null, fewestEscalations: 10,
        before: { from: '2024-12-31', to: '2025-04-01', escalations: { value: 12, display: '12', suppressed: false } },
        after: { from: '2025-04-01', to: '2025-07-01', escalations: { value: 10, display: '10', suppressed: false } },
      });
      expect(impact['before'].perMonth).toBeCloseTo(4.01374, 5);
      expect(impact['after'].perMonth).toBeCloseTo(3.34478, 5);
      expect(impact['change']).toBeCloseTo(-0.16667, 5);
      expect(impact['summary']).toBe(
        '12 escalations in the 91 days before 1 April 2025 and 10 in the 91 days from it (4.0 and 3.3 a month, down 17%).',
      );
    });

    it('says when the counts are too few to tell, and suppresses them for roles without record-level access', async () => {
      // Theme Y, C = 1 April 2025, L = 91: before [31 December 2024, 1 April 2025) holds Y-01..Y-06 = 6; after holds
      // Y-07, Y-08 = 2. Rates: 6 × 30.4375 / 91 = 2.00687; 2 × 30.4375 / 91 = 0.66896. Both are under 10: too few to tell.
      const seen = await ok(unit, GET(IMPACT), { partnershipId: p.partnershipId, id: entryY.id }, 'strategicLogEntry');
      const impact = seen['hasItWorked'] as Record<string, any>;
      expect(impact).toMatchObject({ windowDays: 91, tooFewToTell: true, before: { escalations: { value: 6 } }, after: { escalations: { value: 2 } } });
      expect(impact['before'].perMonth).toBeCloseTo(2.00687, 5);
      expect(impact['after'].perMonth).toBeCloseTo(0.66896, 5);
      expect(impact['caveat']).toMatch(/^Too few to tell: a window holds fewer than 10 escalations\./);
      const improvementSees = (await ok(improvement, GET(IMPACT), { partnershipId: p.partnershipId, id: entryY.id }, 'strategicLogEntry'))['hasItWorked'] as Record<string, any>;
      // The after count 2 is shown "<5" and its rate, and the change built on it, are withheld.
      expect(improvementSees).toMatchObject({
        tooFewToTell: true,
        before: { escalations: { value: 6, display: '6' } },
        after: { escalations: { value: null, display: '<5', suppressed: true }, perMonth: null },
        change: null,
      });
      expect(improvementSees['summary']).toBe('6 escalations in the 91 days before 1 April 2025 and <5 in the 91 days from it.');
    });

    it('caps the windows at 182 days once more time has passed', async () => {
      clock.set('2026-01-01T12:00:00.000Z');
      try {
        const entry = await ok(scrutineer, GET(IMPACT), { partnershipId: p.partnershipId, id: entryX.id }, 'strategicLogEntry');
        // T − C = 275 days, so L = 182. Before = [1 October 2024, 1 April 2025): X-00..X-12 = 13. After = [1 April,
        // 30 September 2025): X-13..X-23 = 11. Rates: 13 × 30.4375 / 182 = 2.17411; 11 × 30.4375 / 182 = 1.83963.
        const impact = entry['hasItWorked'] as Record<string, any>;
        expect(impact).toMatchObject({
          windowDays: 182, tooFewToTell: false,
          before: { from: '2024-10-01', to: '2025-04-01', escalations: { value: 13 } },
          after: { from: '2025-04-01', to: '2025-09-30', escalations: { value: 11 } },
        });
        expect(impact['before'].perMonth).toBeCloseTo(2.17411, 5);
        expect(impact['after'].perMonth).toBeCloseTo(1.83963, 5);
      } finally {
        clock.set(NOW);
      }
    });

    it('has no "Has it worked?" before an entry is completed', async () => {
      const open = await ok(unit, CREATE, { input: { partnershipId: p.partnershipId, title: 'Not yet done', reviewDate: '2025-07-01' } }, 'createLogEntry');
      const entry = await ok(unit, GET(`${IMPACT} ${FIGURES}`), { partnershipId: p.partnershipId, id: open.id }, 'strategicLogEntry');
      expect([entry['hasItWorked'], entry['themeFigures'], entry.theme]).toEqual([null, null, null]);
    });

    it('lists the escalations, linked and of the theme since, to record-level roles only', async () => {
      const query = GET('linkedEscalations { reference linked } themeEscalationsSinceAdded { reference linked }');
      const entry = await ok(scrutineer, query, { partnershipId: p.partnershipId, id: entryX.id }, 'strategicLogEntry');
      expect((entry['linkedEscalations'] as { reference: string }[]).map((e) => e.reference)).toEqual(['X-02', 'X-03', 'X-04']);
      const since = entry['themeEscalationsSinceAdded'] as { reference: string; linked: boolean }[];
      expect(since.map((e) => e.reference)).toEqual(Array.from({ length: 19 }, (_, i) => `X-${String(23 - i).padStart(2, '0')}`));
      for (const role of [executive, improvement]) {
        const response = await role.graphql(query, { partnershipId: p.partnershipId, id: entryX.id });
        expect(new Set(response.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
        expect(response.data?.['strategicLogEntry'] ?? null).toBeNull();
      }
    });

    it('flags entries past their review date that are not closed, for the overview and the list', async () => {
      // Entry X: review 3 March 2025, actioned (not closed) → overdue. Entry Y: review 1 March 2025 → overdue.
      // "Not yet done": review 1 July 2025 = today → not overdue (before today only).
      const overdue = await ok<{ count: number; asOf: string; entries: { id: string }[] }>(executive, OVERDUE, { partnershipId: p.partnershipId }, 'overdueLogEntries');
      expect(overdue).toEqual({ count: 2, asOf: '2025-07-01', entries: [{ id: entryY.id, title: entryY.title, reviewDate: '2025-03-01' }, { id: entryX.id, title: expect.any(String), reviewDate: '2025-03-03' }] });
      const list = await ok<{ totalCount: number; items: { id: string; isOverdue: boolean }[] }>(improvement, LIST, { partnershipId: p.partnershipId, overdueOnly: true }, 'strategicLog');
      expect(list.totalCount).toBe(2);
      const closed = await ok(executive, CHANGE_STATUS, { input: { partnershipId: p.partnershipId, id: entryY.id, expectedVersion: 2, status: 'CLOSED' } }, 'changeLogEntryStatus');
      expect(closed).toMatchObject({ status: 'CLOSED', completedOn: '2025-04-01', isOverdue: false });
      expect((await ok<{ count: number }>(unit, OVERDUE, { partnershipId: p.partnershipId }, 'overdueLogEntries')).count).toBe(1);
      const actioned = await ok<{ totalCount: number }>(unit, LIST, { partnershipId: p.partnershipId, statuses: ['ACTIONED'] }, 'strategicLog');
      expect(actioned.totalCount).toBe(1);
    });
  });

  describe('who may do what', () => {
    const code = (response: { errors?: GraphqlError[] }) => response.errors?.[0]?.extensions?.code;

    it('lets improvement groups and scrutineers read and change nothing', async () => {
      for (const reader of [improvement, scrutineer]) {
        expect((await ok<{ totalCount: number }>(reader, LIST, { partnershipId: p.partnershipId }, 'strategicLog')).totalCount).toBe(3);
        const attempts = [
          reader.graphql(UPDATE, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 3, owner: 'x' } }),
          reader.graphql(RESPOND, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 3, executiveResponse: 'x' } }),
          reader.graphql(CHANGE_STATUS, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 3, status: 'CLOSED' } }),
          reader.graphql(CREATE, { input: { partnershipId: p.partnershipId, title: 'x' } }),
        ];
        expect((await Promise.all(attempts)).map(code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      }
    });

    it('keeps the executive to responding and the business unit to keeping the log', async () => {
      expect(code(await executive.graphql(UPDATE, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 3, owner: 'x' } }))).toBe('FORBIDDEN');
      expect(code(await executive.graphql(CREATE, { input: { partnershipId: p.partnershipId, title: 'x' } }))).toBe('FORBIDDEN');
      expect(code(await unit.graphql(RESPOND, { input: { partnershipId: p.partnershipId, id: entryX.id, expectedVersion: 3, executiveResponse: 'x' } }))).toBe('FORBIDDEN');
    });

    it('gives administrators and national viewers no access at all', async () => {
      const administrator = await app.as('administrator', { partnershipId: p.partnershipId });
      const national = await app.as('national_viewer');
      for (const outsider of [administrator, national]) {
        expect(code(await outsider.graphql(LIST, { partnershipId: p.partnershipId }))).toBe('FORBIDDEN');
        expect(code(await outsider.graphql(OVERDUE, { partnershipId: p.partnershipId }))).toBe('FORBIDDEN');
        expect(code(await outsider.graphql(GET(''), { partnershipId: p.partnershipId, id: entryX.id }))).toBe('FORBIDDEN');
      }
    });

    it('keeps scrutineers and improvement groups from writing in the database too (row-level security)', async () => {
      const client = new pg.Client({ connectionString: await appRoleUrl(app.databaseUrl) });
      await client.connect();
      const tryUpdate = async (role: string) => {
        await client.query('BEGIN');
        try {
          await client.query(`SELECT set_config('app.partnership_id', $1, true), set_config('app.role', $2, true)`, [p.partnershipId, role]);
          const seen = (await client.query(`SELECT count(*)::int AS n FROM strategic_log_entry`)).rows[0].n as number;
          const changed = (await client.query(`UPDATE strategic_log_entry SET owner = 'x'`)).rowCount;
          return [seen, changed];
        } finally {
          await client.query('ROLLBACK');
        }
      };
      expect(await tryUpdate('scrutineer')).toEqual([3, 0]);
      expect(await tryUpdate('improvement_group')).toEqual([3, 0]);
      expect(await tryUpdate('business_unit')).toEqual([3, 3]);
      await client.end();
    });
  });
});
