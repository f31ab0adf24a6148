import { createHash } from 'node:crypto';
import type { InstalledPartnership } from '@escalation-insights/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DUDLEY } from '@escalation-insights/shared';
import { insertPartnership } from '../support/fixtures.js';
import { importApi, importFixture, mappingFrom, upload, waitForImport, type ApiImportMapping } from '../support/import-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * A made-up but realistic Dudley escalation log (test/fixtures/imports/dudley-messy-log.csv):
 * a byte-order mark, UK dates with and without times, an Excel serial date, an ISO date,
 * agencies spelt several ways, categories in the partnership's own words, blank lines and
 * a row of empty cells, a quoted summary over two lines, stage-date columns. Row numbers
 * are the file's lines, as a spreadsheet numbers them (the header is row 1).
 */

describe('importing a messy escalation log', () => {
  let app: TestApp;
  let dudley: InstalledPartnership;
  let bu: TestClient;
  let file: Buffer;

  beforeAll(async () => {
    app = await startTestApp({ seed: async (url) => (dudley = await insertPartnership(url, { template: DUDLEY })) });
    bu = await app.as('business_unit', { partnershipId: dudley.partnershipId });
    file = await importFixture('dudley-messy-log.csv');
  });
  afterAll(async () => {
    await app?.close();
  });

  const agency = (name: string) => dudley.agencyIds[name]!;
  const VALUES = () => [
    { kind: 'AGENCY', from: 'CSC', to: agency("Children's Social Care") },
    { kind: 'AGENCY', from: 'School', to: agency('Education') },
    { kind: 'AGENCY', from: 'West Mids Police', to: agency('Police') },
    { kind: 'CATEGORY', from: 'Thresholds', to: 'agency_involvement_or_thresholds' },
    { kind: 'CATEGORY', from: 'info sharing', to: 'information_sharing_or_services' },
  ];

  async function uploaded(): Promise<string> {
    const answer = await upload(app.url, bu.cookie, dudley.partnershipId, 'Escalation log 2025.csv', file);
    expect(answer.status).toBe(201);
    return answer.body.id!;
  }

  it('suggests columns by name, stage columns by stage, and leaves the date order to be stated', async () => {
    const id = await uploaded();
    const session = await importApi.session(bu, dudley.partnershipId, id);
    expect(session).toMatchObject({ status: 'UPLOADED', fileKind: 'CSV', fileName: 'Escalation log 2025.csv', fileChecksum: createHash('sha256').update(file).digest('hex') });
    expect(session.headers).toEqual(['Ref', 'Date Raised', 'Raised By', 'Escalated To', 'Area of disagreement', 'Priority', 'Stage 2 date', 'Stage 3a date', 'Status', 'Date closed', 'Child ref', 'Summary']);
    expect(session.sampleRows[0]!.slice(0, 3)).toEqual(['DUD-001', '06/01/2025 09:15', 'Health']);
    const suggestion = await importApi.suggestion(bu, dudley.partnershipId, id);
    expect(suggestion.dateOrder).toBeNull();
    expect(suggestion.columns.map((c) => `${c.header}→${c.field}${c.stageCode ? `:${c.stageCode}` : ''}`)).toEqual([
      'Ref→REFERENCE', 'Date Raised→RAISED_AT', 'Raised By→RAISING_AGENCY', 'Escalated To→RECEIVING_AGENCY', 'Area of disagreement→CATEGORY',
      'Priority→URGENCY', 'Stage 2 date→STAGE_ENTERED:2', 'Stage 3a date→STAGE_ENTERED:3a', 'Status→STATUS', 'Date closed→CLOSED_AT',
      'Child ref→CHILD_REFERENCE', 'Summary→SUMMARY',
    ]);
  });

  it('dry-runs: lists the spellings it cannot place, by row and column, with the nearest suggestion, and writes nothing', async () => {
    const id = await uploaded();
    const suggestion = await importApi.suggestion(bu, dudley.partnershipId, id);
    await importApi.setMapping(bu, dudley.partnershipId, id, mappingFrom(suggestion, { dateOrder: 'DAY_FIRST', defaultUrgency: 'STANDARD', defaultRaisedVia: 'EMAIL', values: [] }));
    await importApi.dryRun(bu, dudley.partnershipId, id);
    const done = await waitForImport(bu, dudley.partnershipId, id);
    expect(done.status).toBe('INVALID');
    const problems = await importApi.problems(bu, dudley.partnershipId, id);
    expect(problems.map((p) => `${p.row} ${p.column} ${p.code} ${p.value}`)).toEqual([
      '2 Escalated To UNKNOWN_AGENCY CSC',
      '2 Area of disagreement UNKNOWN_CATEGORY Thresholds',
      '5 Raised By UNKNOWN_AGENCY School',
      '5 Area of disagreement UNKNOWN_CATEGORY info sharing',
      '6 Raised By UNKNOWN_AGENCY West Mids Police',
      '6 Escalated To UNKNOWN_AGENCY CSC',
      '11 Raised By UNKNOWN_AGENCY CSC',
      '11 Area of disagreement UNKNOWN_CATEGORY info sharing',
      '12 Escalated To UNKNOWN_AGENCY School',
      '12 Area of disagreement UNKNOWN_CATEGORY Thresholds',
    ]);
    expect(problems[4]!.message).toBe('Unknown agency "West Mids Police" (did you mean "Police"?): map it in the mapping step.');
    expect(done.counts).toEqual({ toCreate: 3, toUpdate: 0, unchanged: 0, problemRows: 5, problemCount: 10 });
    expect(done.unmatchedValues.find((v) => v.value === 'West Mids Police')).toEqual({
      kind: 'AGENCY', value: 'West Mids Police', rows: 1, suggestion: agency('Police'), suggestionLabel: 'Police',
    });
    expect(await escalationCount()).toBe(0);
  });

  it('imports every row once the spellings are mapped, with the right figures afterwards, and one audit event with the checksum', async () => {
    const id = await uploaded();
    const suggestion = await importApi.suggestion(bu, dudley.partnershipId, id);
    await importApi.setMapping(bu, dudley.partnershipId, id, mappingFrom(suggestion, { dateOrder: 'DAY_FIRST', defaultUrgency: 'STANDARD', defaultRaisedVia: 'EMAIL', values: VALUES() as ApiImportMapping['values'] }));
    await importApi.dryRun(bu, dudley.partnershipId, id);
    const checked = await waitForImport(bu, dudley.partnershipId, id);
    expect(checked).toMatchObject({ status: 'VALIDATED', counts: { toCreate: 8, toUpdate: 0, unchanged: 0, problemRows: 0, problemCount: 0 } });
    expect(checked.progress).toMatchObject({ rowsRead: 8, rowsValidated: 8, rowsWritten: 0 });
    expect(await escalationCount()).toBe(0);

    await importApi.commit(bu, dudley.partnershipId, id);
    const committed = await waitForImport(bu, dudley.partnershipId, id);
    expect(committed).toMatchObject({ status: 'COMMITTED', error: null, counts: { toCreate: 8, toUpdate: 0, unchanged: 0 }, progress: { rowsWritten: 8 } });

    const stored = await withClient(app.databaseUrl, async (client) => {
      const { rows } = await client.query(
        `SELECT e.reference, e.status, e.urgency, e.raised_via, e.highest_tier, e.current_stage_code, e.category_code,
                raising.name AS raising, receiving.name AS receiving, to_char(e.raised_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI') AS raised,
                e.child_key IS NOT NULL AS keyed, e.summary,
                (SELECT string_agg(s.stage_code || '@' || to_char(s.entered_at AT TIME ZONE 'Europe/London', 'MM-DD HH24:MI') || coalesce('>' || s.exit_reason, ''), ' ' ORDER BY s.ladder_order)
                 FROM stage_entry s WHERE s.partnership_id = e.partnership_id AND s.escalation_id = e.id) AS journey,
                (SELECT count(*)::int FROM timescale_outcome o WHERE o.partnership_id = e.partnership_id AND o.escalation_id = e.id) AS outcomes
         FROM escalation e
         JOIN agency raising ON raising.partnership_id = e.partnership_id AND raising.id = e.raising_agency_id
         JOIN agency receiving ON receiving.partnership_id = e.partnership_id AND receiving.id = e.receiving_agency_id
         WHERE e.partnership_id = $1 ORDER BY e.reference`,
        [dudley.partnershipId],
      );
      return rows;
    });
    expect(stored.map((r) => [r.reference, r.status, r.urgency, r.highest_tier, r.raising, r.receiving, r.category_code, r.raised, r.journey])).toEqual([
      ['DUD-001', 'resolved', 'standard', 1, 'Health', "Children's Social Care", 'agency_involvement_or_thresholds', '2025-01-06 09:15', '1@01-06 09:15>resolved'],
      ['DUD-002', 'resolved', 'urgent', 2, 'Police', "Children's Social Care", 'course_of_action', '2025-01-10 09:00', '1@01-10 09:00>escalated 2@01-13 10:00>resolved'],
      ['DUD-003', 'resolved', 'standard', 3, 'Education', 'Health', 'information_sharing_or_services', '2025-01-20 09:00', '1@01-20 09:00>escalated 2@01-22 09:00>escalated 3a@01-27 11:00>resolved'],
      ['DUD-004', 'open', 'immediate', 1, 'Police', "Children's Social Care", 'strategy_discussion_refused', '2025-02-03 14:30', '1@02-03 14:30'],
      ['DUD-005', 'withdrawn', 'standard', 2, "Children's Social Care", 'Police', 'plan_not_meeting_needs', '2025-02-10 09:00', '1@02-10 09:00>escalated 2@02-12 09:00>withdrawn'],
      ['DUD-006', 'open', 'standard', 1, 'Health', 'Education', 'agreed_action_not_completed', '2025-02-17 08:00', '1@02-17 08:00'],
      ['DUD-007', 'open', 'urgent', 3, "Children's Social Care", 'Health', 'information_sharing_or_services', '2025-02-24 09:00', '1@02-24 09:00>escalated 2@02-25 09:00>escalated 3a@02-26 09:00'],
      ['DUD-008', 'resolved', 'standard', 2, 'Police', 'Education', 'agency_involvement_or_thresholds', '2025-03-03 09:00', '1@03-03 09:00>escalated 2@03-05 09:00>resolved'],
    ]);
    expect(stored.every((r) => r.raised_via === 'email' && r.outcomes > 0)).toBe(true);
    expect(stored.filter((r) => r.keyed).map((r) => r.reference)).toEqual(['DUD-001', 'DUD-002', 'DUD-004', 'DUD-005', 'DUD-007']);
    expect(stored.find((r) => r.reference === 'DUD-003')!.summary).toBe('Summary with "quotes" and, commas');
    expect(stored.find((r) => r.reference === 'DUD-005')!.summary).toBe('A summary\nover two lines');

    const facts = await withClient(app.databaseUrl, async (client) => ({
      analytics: (await client.query('SELECT count(*)::int AS n FROM analytics_escalation WHERE partnership_id = $1', [dudley.partnershipId])).rows[0].n,
      audit: (await client.query(`SELECT entity_id, changes FROM audit_event WHERE partnership_id = $1 AND action = 'escalations.imported'`, [dudley.partnershipId])).rows,
    }));
    expect(facts.analytics).toBe(8);
    expect(facts.audit).toEqual([{
      entity_id: id,
      changes: { before: {}, after: expect.objectContaining({ fileChecksum: createHash('sha256').update(file).digest('hex'), created: 8, updated: 0, unchanged: 0, rows: 8 }) },
    }]);
  });

  it('changes nothing when the same file is imported again, starting from the mapping saved last time', async () => {
    const before = await snapshot();
    expect(before.escalations).toHaveLength(8);
    const id = await uploaded();
    const suggestion = await importApi.suggestion(bu, dudley.partnershipId, id);
    expect(suggestion.dateOrder).toBe('DAY_FIRST');
    expect(suggestion.values).toHaveLength(5);
    await importApi.setMapping(bu, dudley.partnershipId, id, mappingFrom(suggestion));
    await importApi.commit(bu, dudley.partnershipId, id);
    const committed = await waitForImport(bu, dudley.partnershipId, id);
    expect(committed).toMatchObject({ status: 'COMMITTED', counts: { toCreate: 0, toUpdate: 0, unchanged: 8 }, progress: { rowsWritten: 0 } });
    const after = await snapshot();
    expect(after.escalations).toEqual(before.escalations);
    expect(after.entries).toEqual(before.entries);
  });

  it('updates an escalation whose row changed, by its reference', async () => {
    const changed = file.toString('utf8').replace('DUD-006,17/02/2025 08:00,health,Education,Agreed action not completed,Routine,,,,,,No status given', 'DUD-006,17/02/2025 08:00,health,Education,Agreed action not completed,Routine,18/02/2025,,,,,Now at stage 2');
    const answer = await upload(app.url, bu.cookie, dudley.partnershipId, 'log v2.csv', changed);
    const id = answer.body.id!;
    await importApi.setMapping(bu, dudley.partnershipId, id, mappingFrom(await importApi.suggestion(bu, dudley.partnershipId, id)));
    await importApi.commit(bu, dudley.partnershipId, id);
    expect(await waitForImport(bu, dudley.partnershipId, id)).toMatchObject({ status: 'COMMITTED', counts: { toCreate: 0, toUpdate: 1, unchanged: 7 } });
    const row = await withClient(app.databaseUrl, async (client) =>
      (await client.query(`SELECT summary, current_stage_code, version FROM escalation WHERE partnership_id = $1 AND reference = 'DUD-006'`, [dudley.partnershipId])).rows[0]);
    expect(row).toEqual({ summary: 'Now at stage 2', current_stage_code: '2', version: 2 });
  });

  async function escalationCount(): Promise<number> {
    return withClient(app.databaseUrl, async (client) => (await client.query('SELECT count(*)::int AS n FROM escalation WHERE partnership_id = $1', [dudley.partnershipId])).rows[0].n);
  }

  async function snapshot() {
    return withClient(app.databaseUrl, async (client) => ({
      escalations: (await client.query('SELECT * FROM escalation WHERE partnership_id = $1 ORDER BY id', [dudley.partnershipId])).rows,
      entries: (await client.query('SELECT * FROM stage_entry WHERE partnership_id = $1 ORDER BY id', [dudley.partnershipId])).rows,
    }));
  }
});
