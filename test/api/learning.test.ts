import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DUDLEY, type UserRole } from '@escalation-insights/shared';
import pg from 'pg';
import { insertEscalations, insertFixturePartnership, type FixtureEscalation, type FixturePartnership } from '../support/analytics-fixture.js';
import { appRoleUrl, inTenant } from '../support/app-role.js';
import { squash } from '../support/dashboard.js';
import { TestClock } from '../support/escalation-api.js';
import { learning, learningRefused } from '../support/learning-api.js';
import { extractPdfText } from '../support/pdf-text.js';
import { withClient } from '../support/test-database.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

/*
 * Learning items over HTTP against a real PostgreSQL: created from escalations, edited with
 * a version check, actions through their statuses with overdue worked out against the
 * partnership's today in Europe/London, completion, linking, "has it worked?" against
 * counts worked out by hand, and who may do what (improvement groups own learning, the
 * business unit starts it, executives and scrutineers read, administrators and national
 * viewers get nothing).
 *
 * The clock stands at 20 June 2025, 11:00 in London (BST).
 */

const NOW = '2025-06-20T10:00:00.000Z';
const THEME = { raising: "Children's Social Care", receiving: 'Police', category: 'strategy_discussion_refused', urgency: 'standard', stages: ['1'], status: 'open' } as const;
const weekly = (first: string, count: number, prefix: string): FixtureEscalation[] =>
  Array.from({ length: count }, (_, i) => ({ ...THEME, reference: `${prefix}-${String(i + 1).padStart(2, '0')}`, raisedAt: new Date(Date.parse(first) + i * 7 * 86_400_000).toISOString() }));

/*
 * "Has it worked?" for an item of this theme completed on 1 March 2025, asked on 20 June 2025:
 * L = min(182, 111 days elapsed) = 111; before = [10 November 2024, 1 March 2025), after = [1 March, 20 June 2025).
 * The theme (strategy discussion refused, received by Police) has 14 escalations in before, 10 in after.
 * Not counted: one raised 9 November 2024 (before the window), one out of scope, one raised today (after the window ends),
 * the same category received by Health, another category received by Police, and the other partnership's.
 */
const PARTNERSHIP_A: FixtureEscalation[] = [
  ...weekly('2024-11-12T10:00:00.000Z', 14, 'BEFORE'),
  ...weekly('2025-03-04T10:00:00.000Z', 10, 'AFTER'),
  { ...THEME, reference: 'TOO-EARLY', raisedAt: '2024-11-09T12:00:00.000Z' },
  { ...THEME, reference: 'TODAY', raisedAt: '2025-06-20T09:00:00.000Z' },
  { ...THEME, reference: 'OUT-OF-SCOPE', raisedAt: '2025-04-02T10:00:00.000Z', status: 'out_of_scope', closedAt: '2025-04-03T10:00:00.000Z' },
  { ...THEME, reference: 'HEALTH-1', raisedAt: '2025-03-05T10:00:00.000Z', receiving: 'Health' },
  { ...THEME, reference: 'HEALTH-2', raisedAt: '2025-01-05T10:00:00.000Z', receiving: 'Health' },
  { ...THEME, reference: 'CONFERENCE-1', raisedAt: '2025-03-06T10:00:00.000Z', category: 'conference_refused' },
];
const PARTNERSHIP_B: FixtureEscalation[] = weekly('2025-03-04T10:00:00.000Z', 3, 'OTHER');

describe('learning items', () => {
  let app: TestApp;
  const clock = new TestClock(NOW);
  let a: FixturePartnership;
  let b: FixturePartnership;
  let idsA: Map<string, string>;
  let idsB: Map<string, string>;
  const users = {} as Record<UserRole | 'otherGroup', TestClient>;

  const id = (reference: string) => idsA.get(reference)!;
  const auditCount = () =>
    withClient(app.databaseUrl, async (client) => Number((await client.query('SELECT count(*) AS n FROM audit_event WHERE partnership_id = $1', [a.partnershipId])).rows[0].n));
  const learningRows = () =>
    withClient(app.databaseUrl, async (client) => (await client.query('SELECT count(*)::int AS items, (SELECT count(*)::int FROM learning_action) AS actions, (SELECT count(*)::int FROM learning_item_escalation) AS links FROM learning_item')).rows[0]);

  /** A fresh item drawn from the first two "before" escalations, by the improvement group. */
  const newItem = (extra: Record<string, unknown> = {}) =>
    learning(users.improvement_group, 'createAsReader', {
      input: { partnershipId: a.partnershipId, escalationIds: [id('BEFORE-01'), id('BEFORE-02')], title: 'Strategy discussions refused', gapKind: 'PROCEDURE', ...extra },
    });

  beforeAll(async () => {
    app = await startTestApp({
      clock: clock.now,
      outcomeRefreshMinutes: 0,
      seed: async (url) => {
        a = await insertFixturePartnership(url, DUDLEY, 'lrn-a');
        b = await insertFixturePartnership(url, DUDLEY, 'lrn-b');
        idsA = await insertEscalations(url, a, PARTNERSHIP_A);
        idsB = await insertEscalations(url, b, PARTNERSHIP_B);
      },
    });
    for (const role of ['business_unit', 'executive', 'improvement_group', 'scrutineer'] as const) users[role] = await app.as(role, { partnershipId: a.partnershipId });
    users.administrator = await app.as('administrator', { partnershipId: a.partnershipId });
    users.national_viewer = await app.as('national_viewer');
    users.otherGroup = await app.as('improvement_group', { partnershipId: b.partnershipId });
  });

  afterAll(async () => {
    await app?.close();
  });

  beforeEach(() => clock.set(NOW));

  describe('creating an item from escalations', () => {
    it('lets the business unit draw an item from escalations and refer it to a group, showing it the escalations behind it', async () => {
      const item = await learning(users.business_unit, 'create', {
        input: {
          partnershipId: a.partnershipId,
          escalationIds: [id('BEFORE-03'), id('AFTER-01')],
          title: '  Strategy discussions requested but not convened ',
          gapKind: 'PROCEDURE',
          referredToGroup: 'Practice Improvement Working Group',
          background: 'Police asked for strategy discussions that were not held.',
          questions: ['Who may ask for a strategy discussion?', '   ', 'Where is a refusal recorded?'],
        },
      });
      expect(item).toMatchObject({
        title: 'Strategy discussions requested but not convened',
        gapKind: 'PROCEDURE',
        status: 'OPEN',
        referredToGroup: 'Practice Improvement Working Group',
        questions: ['Who may ask for a strategy discussion?', 'Where is a refusal recorded?'],
        completedOn: null,
        version: 1,
        escalationCount: { value: 2, display: '2', suppressed: false },
        openActionCount: 0,
        overdueActionCount: 0,
        actions: [],
        theme: { categories: [{ code: 'strategy_discussion_refused', label: 'A request for a strategy discussion turned down' }], receivingAgencies: [{ id: a.agencies['Police'], name: 'Police' }] },
      });
      expect(item.escalations!.map((e) => e.reference)).toEqual(['BEFORE-03', 'AFTER-01']);
    });

    it('shows the escalation the learning it produced, and the item the escalations behind it, to record-level roles', async () => {
      const item = await newItem({ escalationIds: [id('HEALTH-1')], title: 'Health responses to strategy requests' });
      for (const role of ['business_unit', 'scrutineer'] as const) {
        const response = await users[role].graphql<{ escalation: { learningItems: { id: string; title: string }[] } }>(
          'query($p: ID!, $id: ID!) { escalation(partnershipId: $p, id: $id) { learningItems { id title } } }',
          { p: a.partnershipId, id: id('HEALTH-1') },
        );
        expect(response.errors).toBeUndefined();
        expect(response.data!.escalation.learningItems).toEqual([{ id: item.id, title: 'Health responses to strategy requests' }]);
      }
    });

    it('gives roles without record-level access the count of escalations, suppressed from 1 to 4, and never the escalations', async () => {
      const item = await newItem();
      const seen = await learning(users.executive, 'get', { partnershipId: a.partnershipId, id: item.id });
      expect(seen.escalationCount).toEqual({ value: null, display: '<5', suppressed: true });
      expect(seen.theme.receivingAgencies.map((agency) => agency.name)).toEqual(['Police']);
      const refused = await users.executive.graphql('query($p: ID!, $id: ID!) { learningItem(partnershipId: $p, id: $id) { id escalations { reference } } }', { p: a.partnershipId, id: item.id });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const many = await newItem({ escalationIds: ['BEFORE-01', 'BEFORE-02', 'BEFORE-03', 'BEFORE-04', 'BEFORE-05'].map(id) });
      expect((await learning(users.improvement_group, 'get', { partnershipId: a.partnershipId, id: many.id })).escalationCount).toEqual({ value: 5, display: '5', suppressed: false });
    });

    it('refuses an item without escalations, with an escalation of another partnership, or without a title, and writes nothing', async () => {
      const before = { rows: await learningRows(), audit: await auditCount() };
      const empty = await learningRefused(users.improvement_group, 'createAsReader', { input: { partnershipId: a.partnershipId, escalationIds: [], title: 'x', gapKind: 'PRACTICE' } });
      expect(empty.extensions?.code).toBe('BAD_USER_INPUT');
      expect(empty.message).toMatch(/at least one escalation/);
      const foreign = await learningRefused(users.improvement_group, 'createAsReader', {
        input: { partnershipId: a.partnershipId, escalationIds: [id('BEFORE-01'), idsB.get('OTHER-01')], title: 'x', gapKind: 'PRACTICE' },
      });
      expect(foreign.extensions).toMatchObject({ code: 'ESCALATION_NOT_FOUND', field: 'escalationIds', escalationIds: [idsB.get('OTHER-01')] });
      const intoOther = await learningRefused(users.improvement_group, 'createAsReader', {
        input: { partnershipId: b.partnershipId, escalationIds: [idsB.get('OTHER-01')], title: 'x', gapKind: 'PRACTICE' },
      });
      expect(intoOther.extensions?.code).toBe('ESCALATION_NOT_FOUND');
      const blank = await learningRefused(users.improvement_group, 'createAsReader', { input: { partnershipId: a.partnershipId, escalationIds: [id('BEFORE-01')], title: '   ', gapKind: 'PRACTICE' } });
      expect(blank.extensions?.code).toBe('BAD_USER_INPUT');
      const twice = await learningRefused(users.improvement_group, 'createAsReader', { input: { partnershipId: a.partnershipId, escalationIds: [id('BEFORE-01'), id('BEFORE-01')], title: 'x', gapKind: 'PRACTICE' } });
      expect(twice.message).toMatch(/twice/);
      expect({ rows: await learningRows(), audit: await auditCount() }).toEqual(before);
    });
  });

  describe('editing an item', () => {
    it('changes only the fields given, bumps the version and records the change in the audit trail', async () => {
      const item = await newItem();
      const updated = await learning(users.improvement_group, 'update', {
        input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, findings: 'No one was named to decide.', status: 'IN_PROGRESS' },
      });
      expect(updated).toMatchObject({ findings: 'No one was named to decide.', status: 'IN_PROGRESS', title: 'Strategy discussions refused', version: 2 });
      const events = await withClient(app.databaseUrl, async (client) =>
        (await client.query(`SELECT action, changes FROM audit_event WHERE entity_type = 'learning_item' AND entity_id = $1 ORDER BY id`, [item.id])).rows);
      expect(events.map((event) => event.action)).toEqual(['learning_item.created', 'learning_item.updated']);
      expect(events[1].changes).toEqual({
        before: { version: 1, findings: '', status: 'open' },
        after: { version: 2, findings: 'No one was named to decide.', status: 'in_progress' },
      });
    });

    it('refuses a stale edit with VERSION_CONFLICT and the versions, changing nothing', async () => {
      const item = await newItem();
      await learning(users.improvement_group, 'update', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, whatToDo: 'First edit' } });
      const audit = await auditCount();
      const stale = await learningRefused(users.improvement_group, 'update', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, whatToDo: 'Second edit' } });
      expect(stale.extensions).toMatchObject({ code: 'VERSION_CONFLICT', field: 'expectedVersion', expectedVersion: 1, actualVersion: 2 });
      expect(stale.message).toMatch(/someone else changed it/);
      expect((await learning(users.improvement_group, 'get', { partnershipId: a.partnershipId, id: item.id })).whatToDo).toBe('First edit');
      expect(await auditCount()).toBe(audit);
    });

    it('refuses completing by an edit, an edit that changes nothing, and any edit of a closed item but reopening it', async () => {
      const item = await newItem();
      const complete = await learningRefused(users.improvement_group, 'update', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, status: 'COMPLETED' } });
      expect(complete.extensions?.code).toBe('STATUS_CHANGE_NOT_ALLOWED');
      const same = await learningRefused(users.improvement_group, 'update', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, title: 'Strategy discussions refused' } });
      expect(same.extensions?.code).toBe('NOTHING_TO_CHANGE');
      await learning(users.improvement_group, 'update', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, status: 'CLOSED' } });
      const edit = await learningRefused(users.improvement_group, 'update', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 2, title: 'New title' } });
      expect(edit.extensions?.code).toBe('LEARNING_ITEM_FINISHED');
      const reopened = await learning(users.improvement_group, 'update', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 2, status: 'IN_PROGRESS', title: 'New title' } });
      expect(reopened).toMatchObject({ status: 'IN_PROGRESS', title: 'New title', version: 3 });
    });
  });

  describe('actions', () => {
    it('flags an action overdue from the day after its due date, by the London calendar, and counts it on the item and in the list', async () => {
      const item = await newItem({ title: 'Overdue actions' });
      let seen = await learning(users.improvement_group, 'addAction', {
        input: { partnershipId: a.partnershipId, learningItemId: item.id, description: 'Amend the procedure', owner: 'Business manager', dueOn: '2025-06-19' },
      });
      seen = await learning(users.improvement_group, 'addAction', {
        input: { partnershipId: a.partnershipId, learningItemId: item.id, description: 'Brief the police', owner: 'DCI', dueOn: '2025-06-20' },
      });
      seen = await learning(users.improvement_group, 'addAction', { input: { partnershipId: a.partnershipId, learningItemId: item.id, description: 'Audit refusals', owner: 'QA chair' } });
      expect(seen.actions.map((action) => [action.description, action.status, action.isOverdue])).toEqual([
        ['Amend the procedure', 'NOT_STARTED', true],
        ['Brief the police', 'NOT_STARTED', false],
        ['Audit refusals', 'NOT_STARTED', false],
      ]);
      expect([seen.openActionCount, seen.overdueActionCount]).toEqual([3, 1]);

      // 23:30 UTC on 20 June is 00:30 on 21 June in London: the action due on the 20th is now overdue too.
      clock.set('2025-06-20T23:30:00.000Z');
      seen = await learning(users.executive, 'get', { partnershipId: a.partnershipId, id: item.id });
      expect(seen.actions.map((action) => action.isOverdue)).toEqual([true, true, false]);
      expect(seen.overdueActionCount).toBe(2);
      const list = await learning<{ totalCount: number; items: { id: string; overdueActionCount: number }[] }>(users.scrutineer, 'list', {
        partnershipId: a.partnershipId, filter: { overdueOnly: true },
      });
      expect(list.items.find((listed) => listed.id === item.id)?.overdueActionCount).toBe(2);
      expect(list.items.every((listed) => listed.overdueActionCount > 0)).toBe(true);
    });

    it('moves an action through its statuses: done needs the date it was done, today or earlier, and records the evidence of impact', async () => {
      const item = await newItem();
      const [action] = (await learning(users.improvement_group, 'addAction', {
        input: { partnershipId: a.partnershipId, learningItemId: item.id, description: 'Amend the procedure', owner: 'Business manager', dueOn: '2025-06-01' },
      })).actions;
      const key = { partnershipId: a.partnershipId, id: action!.id };
      expect((await learningRefused(users.improvement_group, 'updateAction', { input: { ...key, expectedVersion: 1, status: 'DONE' } })).extensions)
        .toMatchObject({ code: 'COMPLETED_ON_REQUIRED', field: 'completedOn' });
      expect((await learningRefused(users.improvement_group, 'updateAction', { input: { ...key, expectedVersion: 1, status: 'DONE', completedOn: '2025-06-21' } })).extensions?.code)
        .toBe('DATE_IN_FUTURE');
      expect((await learningRefused(users.improvement_group, 'updateAction', { input: { ...key, expectedVersion: 1, completedOn: '2025-06-10' } })).extensions?.code)
        .toBe('COMPLETED_ON_NOT_ALLOWED');
      expect((await learningRefused(users.improvement_group, 'updateAction', { input: { ...key, expectedVersion: 1, status: 'DONE', completedOn: '2025-02-30' } })).extensions?.code)
        .toBe('BAD_USER_INPUT');
      const done = await learning(users.improvement_group, 'updateAction', {
        input: { ...key, expectedVersion: 1, status: 'DONE', completedOn: '2025-06-10', evidenceOfImpact: 'Revised procedure published.' },
      });
      expect(done.actions[0]).toMatchObject({ status: 'DONE', completedOn: '2025-06-10', evidenceOfImpact: 'Revised procedure published.', isOverdue: false, version: 2 });
      expect((await learningRefused(users.improvement_group, 'updateAction', { input: { ...key, expectedVersion: 2, status: 'CANCELLED' } })).extensions?.code)
        .toBe('STATUS_CHANGE_NOT_ALLOWED');
      expect((await learningRefused(users.improvement_group, 'updateAction', { input: { ...key, expectedVersion: 1, owner: 'Someone else' } })).extensions)
        .toMatchObject({ code: 'VERSION_CONFLICT', actualVersion: 2 });
      const reopened = await learning(users.improvement_group, 'updateAction', { input: { ...key, expectedVersion: 2, status: 'IN_PROGRESS' } });
      expect(reopened.actions[0]).toMatchObject({ status: 'IN_PROGRESS', completedOn: null, isOverdue: true, evidenceOfImpact: 'Revised procedure published.' });
      const stored = await withClient(app.databaseUrl, async (client) =>
        (await client.query(`SELECT action FROM audit_event WHERE entity_type = 'learning_action' AND entity_id = $1 ORDER BY id`, [action!.id])).rows.map((row) => row.action));
      expect(stored).toEqual(['learning_action.added', 'learning_action.updated', 'learning_action.updated']);
    });

    it('refuses an action on an unknown item or with an unknown id', async () => {
      expect((await learningRefused(users.improvement_group, 'addAction', { input: { partnershipId: a.partnershipId, learningItemId: '999999', description: 'x', owner: 'y' } })).extensions)
        .toMatchObject({ code: 'LEARNING_ITEM_NOT_FOUND', field: 'learningItemId' });
      expect((await learningRefused(users.improvement_group, 'updateAction', { input: { partnershipId: a.partnershipId, id: '999999', expectedVersion: 1, owner: 'y' } })).extensions?.code)
        .toBe('LEARNING_ACTION_NOT_FOUND');
    });
  });

  describe('completing an item, and has it worked?', () => {
    it('completes an item only once every action is done or cancelled, and then takes no new open action', async () => {
      const item = await newItem();
      let seen = await learning(users.improvement_group, 'addAction', { input: { partnershipId: a.partnershipId, learningItemId: item.id, description: 'One', owner: 'A' } });
      seen = await learning(users.improvement_group, 'addAction', { input: { partnershipId: a.partnershipId, learningItemId: item.id, description: 'Two', owner: 'B' } });
      const [one, two] = seen.actions;
      const open = await learningRefused(users.improvement_group, 'complete', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, completedOn: '2025-03-01' } });
      expect(open.extensions?.code).toBe('ACTIONS_STILL_OPEN');
      expect(open.message).toMatch(/2 actions are not yet done or cancelled/);
      await learning(users.improvement_group, 'updateAction', { input: { partnershipId: a.partnershipId, id: one!.id, expectedVersion: 1, status: 'DONE', completedOn: '2025-02-27' } });
      await learning(users.improvement_group, 'updateAction', { input: { partnershipId: a.partnershipId, id: two!.id, expectedVersion: 1, status: 'CANCELLED' } });
      expect((await learningRefused(users.improvement_group, 'complete', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, completedOn: '2025-06-21' } })).extensions?.code)
        .toBe('DATE_IN_FUTURE');
      const completed = await learning(users.improvement_group, 'complete', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, completedOn: '2025-03-01' } });
      expect(completed).toMatchObject({ status: 'COMPLETED', completedOn: '2025-03-01', version: 2, openActionCount: 0 });
      const added = await learningRefused(users.improvement_group, 'addAction', { input: { partnershipId: a.partnershipId, learningItemId: item.id, description: 'Three', owner: 'C' } });
      expect(added.extensions?.code).toBe('LEARNING_ITEM_FINISHED');
      const evidence = await learning(users.improvement_group, 'updateAction', {
        input: { partnershipId: a.partnershipId, id: one!.id, expectedVersion: 2, evidenceOfImpact: 'Audit in May: every refusal recorded.' },
      });
      expect(evidence.actions.find((action) => action.id === one!.id)?.evidenceOfImpact).toBe('Audit in May: every refusal recorded.');
    });

    it("compares the theme's escalations in equal windows before and after the completion date, as worked out by hand", async () => {
      const item = await newItem();
      await learning(users.improvement_group, 'complete', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, completedOn: '2025-03-01' } });
      const query = `query($p: ID!, $id: ID!) { learningItem(partnershipId: $p, id: $id) { hasItWorked {
        completedOn windowDays change tooFewToTell before { from to perMonth escalations { value display } } after { from to perMonth escalations { value display } } } } }`;
      for (const role of ['improvement_group', 'executive', 'business_unit', 'scrutineer'] as const) {
        const response = await users[role].graphql<{ learningItem: { hasItWorked: Record<string, unknown> & { change: number; before: { perMonth: number }; after: { perMonth: number } } } }>(query, { p: a.partnershipId, id: item.id });
        expect(response.errors).toBeUndefined();
        const worked = response.data!.learningItem.hasItWorked;
        expect(worked).toMatchObject({
          completedOn: '2025-03-01',
          windowDays: 111,
          tooFewToTell: false,
          before: { from: '2024-11-10', to: '2025-03-01', escalations: { value: 14, display: '14' } },
          after: { from: '2025-03-01', to: '2025-06-20', escalations: { value: 10, display: '10' } },
        });
        expect(worked.before.perMonth).toBeCloseTo((14 * 30.4375) / 111, 9);
        expect(worked.after.perMonth).toBeCloseTo((10 * 30.4375) / 111, 9);
        expect(worked.change).toBeCloseTo(10 / 14 - 1, 9);
      }
    });

    it('has no answer before the item is completed', async () => {
      const item = await newItem();
      const response = await users.executive.graphql<{ learningItem: { hasItWorked: unknown } }>(
        'query($p: ID!, $id: ID!) { learningItem(partnershipId: $p, id: $id) { hasItWorked { windowDays } } }', { p: a.partnershipId, id: item.id });
      expect(response.data!.learningItem.hasItWorked).toBeNull();
    });
  });

  describe('linking escalations', () => {
    it('links and unlinks escalations, keeping at least one, and refuses links that are already there or not there', async () => {
      const item = await newItem();
      const linked = await learning(users.business_unit, 'link', { input: { partnershipId: a.partnershipId, learningItemId: item.id, escalationIds: [id('HEALTH-1')] } });
      expect(linked.escalationCount.value).toBe(3);
      expect(linked.theme.receivingAgencies.map((agency) => agency.name)).toEqual(['Health', 'Police']);
      expect((await learningRefused(users.business_unit, 'link', { input: { partnershipId: a.partnershipId, learningItemId: item.id, escalationIds: [id('HEALTH-1')] } })).extensions)
        .toMatchObject({ code: 'ESCALATION_ALREADY_LINKED', escalationIds: [id('HEALTH-1')] });
      expect((await learningRefused(users.improvement_group, 'unlink', { input: { partnershipId: a.partnershipId, learningItemId: item.id, escalationIds: [id('AFTER-09')] } })).extensions?.code)
        .toBe('ESCALATION_NOT_LINKED');
      const unlinked = await learning(users.business_unit, 'unlink', { input: { partnershipId: a.partnershipId, learningItemId: item.id, escalationIds: [id('BEFORE-01'), id('BEFORE-02')] } });
      expect(unlinked.escalationCount.value).toBe(1);
      expect((await learningRefused(users.improvement_group, 'unlink', { input: { partnershipId: a.partnershipId, learningItemId: item.id, escalationIds: [id('HEALTH-1')] } })).extensions?.code)
        .toBe('LAST_ESCALATION');
    });
  });

  describe('who may do what', () => {
    it('lets executives and scrutineers read learning and change none of it', async () => {
      const item = await newItem();
      for (const role of ['executive', 'scrutineer'] as const) {
        const list = await learning<{ totalCount: number }>(users[role], 'list', { partnershipId: a.partnershipId });
        expect(list.totalCount).toBeGreaterThan(0);
        const attempts = [
          learningRefused(users[role], 'createAsReader', { input: { partnershipId: a.partnershipId, escalationIds: [id('BEFORE-01')], title: 'x', gapKind: 'PRACTICE' } }),
          learningRefused(users[role], 'update', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, title: 'x' } }),
          learningRefused(users[role], 'complete', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, completedOn: '2025-03-01' } }),
          learningRefused(users[role], 'link', { input: { partnershipId: a.partnershipId, learningItemId: item.id, escalationIds: [id('BEFORE-05')] } }),
          learningRefused(users[role], 'unlink', { input: { partnershipId: a.partnershipId, learningItemId: item.id, escalationIds: [id('BEFORE-01')] } }),
          learningRefused(users[role], 'addAction', { input: { partnershipId: a.partnershipId, learningItemId: item.id, description: 'x', owner: 'y' } }),
          learningRefused(users[role], 'updateAction', { input: { partnershipId: a.partnershipId, id: '1', expectedVersion: 1, owner: 'y' } }),
        ];
        expect((await Promise.all(attempts)).map((error) => error.extensions?.code)).toEqual(Array(7).fill('FORBIDDEN'));
      }
    });

    it('lets the business unit start learning but leaves editing it and its actions to the improvement group', async () => {
      const item = await newItem();
      expect((await learningRefused(users.business_unit, 'update', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, title: 'x' } })).extensions?.code).toBe('FORBIDDEN');
      expect((await learningRefused(users.business_unit, 'addAction', { input: { partnershipId: a.partnershipId, learningItemId: item.id, description: 'x', owner: 'y' } })).extensions?.code).toBe('FORBIDDEN');
      expect((await learningRefused(users.business_unit, 'complete', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, completedOn: '2025-03-01' } })).extensions?.code).toBe('FORBIDDEN');
    });

    it('shows administrators and national viewers no learning at all', async () => {
      for (const role of ['administrator', 'national_viewer'] as const) {
        const error = await learningRefused(users[role], 'list', { partnershipId: a.partnershipId });
        expect(error.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it("keeps each partnership's learning to itself", async () => {
      const item = await newItem();
      const other = await learningRefused(users.otherGroup, 'get', { partnershipId: a.partnershipId, id: item.id });
      expect(other.extensions?.code).toBe('LEARNING_ITEM_NOT_FOUND');
      expect((await learning<{ totalCount: number }>(users.otherGroup, 'list', { partnershipId: a.partnershipId })).totalCount).toBe(0);
      expect((await learningRefused(users.otherGroup, 'update', { input: { partnershipId: a.partnershipId, id: item.id, expectedVersion: 1, title: 'x' } })).extensions?.code)
        .toBe('LEARNING_ITEM_NOT_FOUND');
    });

    it('has PostgreSQL refuse writes to learning by executives and scrutineers, past the API', async () => {
      const client = new pg.Client({ connectionString: await appRoleUrl(app.databaseUrl) });
      await client.connect();
      try {
        for (const role of ['executive', 'scrutineer'] as const) {
          await expect(inTenant(client, { partnershipId: a.partnershipId, role }, () =>
            client.query(`INSERT INTO learning_item (partnership_id, title, gap_kind) VALUES ($1, 'x', 'practice')`, [a.partnershipId]),
          )).rejects.toMatchObject({ code: '42501' });
          const changed = await inTenant(client, { partnershipId: a.partnershipId, role }, async () => [
            (await client.query(`UPDATE learning_item SET title = 'changed' WHERE partnership_id = $1`, [a.partnershipId])).rowCount,
            (await client.query(`DELETE FROM learning_item_escalation WHERE partnership_id = $1`, [a.partnershipId])).rowCount,
            (await client.query(`SELECT count(*)::int AS n FROM learning_item WHERE partnership_id = $1`, [a.partnershipId])).rows[0].n > 0,
          ]);
          expect(changed).toEqual([0, 0, true]);
        }
      } finally {
        await client.end();
      }
    });
  });

  describe('the 7-minute briefing', () => {
    const download = (client: TestClient | null, itemId: string, partnershipId = a.partnershipId) =>
      fetch(`${app.url}/learning/${itemId}/briefing.pdf?partnershipId=${partnershipId}`, { headers: client ? { cookie: client.cookie } : {} });

    it('downloads as one A4 page whose text is the briefing: title, partnership, sections and questions, and no escalation reference', async () => {
      const item = await newItem({
        title: 'Strategy discussions requested but not convened',
        referredToGroup: 'Practice Improvement Working Group',
        background: 'Police and health colleagues escalated decisions not to hold a strategy discussion.',
        whyItMatters: 'Without one, agencies act on partial information.',
        findings: 'The procedure did not say who could ask for one.',
        whatToDo: 'Any agency may ask; record a refusal with reasons the same day.',
        questions: ['Who in your agency can request a strategy discussion?', 'Where is a refusal recorded?'],
      });
      const response = await download(users.executive, item.id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="7-minute-briefing-strategy-discussions-requested-but-not-convened.pdf"');
      const pdf = new Uint8Array(await response.arrayBuffer());
      const { pages, pageTexts } = await extractPdfText(pdf);
      expect(pages).toBe(1);
      const text = pageTexts[0]!;
      const lines = text.split('\n').map((line) => line.trim());
      expect(lines.slice(0, 2)).toEqual(['7-MINUTE BRIEFING', 'Strategy discussions requested but not convened']);
      expect(squash(text)).toContain(`${DUDLEY.partnershipName} (lrn-a) · Procedure learning · Referred to Practice Improvement Working Group · 20 June 2025`);
      for (const heading of ['Background', 'Why it matters', 'What was found', 'What to do', 'Questions to consider']) expect(lines).toContain(heading);
      expect(text).toContain('Police and health colleagues escalated decisions not to hold a strategy discussion.');
      expect(text).toContain('Any agency may ask; record a refusal with reasons the same day.');
      expect(lines).toContain('• Who in your agency can request a strategy discussion?');
      expect(text).not.toMatch(/BEFORE-0|Some text was shortened/);
    });

    it('fits a long briefing on one page by shortening it, and says so', async () => {
      const long = (word: string) => Array.from({ length: 120 }, (_, i) => `${word} ${i + 1} of a long account of what the escalations showed.`).join(' ').slice(0, 5000);
      const item = await newItem({ background: long('Background'), whyItMatters: long('Reason'), findings: long('Finding'), whatToDo: long('Step'), questions: Array.from({ length: 10 }, (_, i) => `Question ${i + 1}: ${long('q').slice(0, 450)}`) });
      const { pages, pageTexts } = await extractPdfText(new Uint8Array(await (await download(users.improvement_group, item.id)).arrayBuffer()));
      expect(pages).toBe(1);
      expect(pageTexts[0]).toContain('Some text was shortened to fit one page.');
      expect(pageTexts[0]).toContain(`(learning item ${item.id})`);
      expect(pageTexts[0]).toContain('Background 1 of a long account');
    });

    it('answers 404 for an unknown item, 401 when signed out and 403 to administrators and national viewers', async () => {
      const item = await newItem();
      const unknown = await download(users.scrutineer, '999999');
      expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'LEARNING_ITEM_NOT_FOUND']);
      expect((await download(users.otherGroup, item.id)).status).toBe(404);
      expect((await download(null, item.id)).status).toBe(401);
      expect((await download(users.administrator, item.id)).status).toBe(403);
      expect((await download(users.national_viewer, item.id)).status).toBe(403);
      expect((await download(users.business_unit, 'abc')).status).toBe(400);
    });
  });

  describe('paging', () => {
    it('pages the list and says how many match in all', async () => {
      const all = await learning<{ totalCount: number; items: { id: string }[] }>(users.improvement_group, 'list', { partnershipId: a.partnershipId, limit: 100 });
      const first = await learning<{ totalCount: number; items: { id: string }[] }>(users.improvement_group, 'list', { partnershipId: a.partnershipId, limit: 2 });
      const second = await learning<{ totalCount: number; items: { id: string }[] }>(users.improvement_group, 'list', { partnershipId: a.partnershipId, limit: 2, offset: 2 });
      const past = await learning<{ totalCount: number; items: { id: string }[] }>(users.improvement_group, 'list', { partnershipId: a.partnershipId, limit: 2, offset: 1000 });
      expect(first.totalCount).toBe(all.totalCount);
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.items.slice(0, 4).map((item) => item.id));
      expect(past).toMatchObject({ totalCount: all.totalCount, items: [] });
      const closed = await learning<{ items: { status: string }[] }>(users.improvement_group, 'list', { partnershipId: a.partnershipId, filter: { statuses: ['CLOSED'] }, limit: 100 });
      expect(closed.items.every((item) => item.status === 'CLOSED')).toBe(true);
    });
  });
});

