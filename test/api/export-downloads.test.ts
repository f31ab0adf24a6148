import type { InstalledPartnership } from '@escalation-insights/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DUDLEY } from '@escalation-insights/shared';
import { insertPartnership } from '../support/fixtures.js';
import { importApi, importFixture, mappingFrom, upload, waitForImport } from '../support/import-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * Downloads over the messy Dudley log (8 escalations raised January–March 2025, i.e. the
 * quarter Q4 2024/25), imported through the API first.
 */

const QUARTER = 'from=2025-01-01&to=2025-04-01';

describe('exports', () => {
  let app: TestApp;
  let dudley: InstalledPartnership;
  let bu: TestClient;
  let executive: TestClient;

  beforeAll(async () => {
    app = await startTestApp({ seed: async (url) => (dudley = await insertPartnership(url, { template: DUDLEY })) });
    bu = await app.as('business_unit', { partnershipId: dudley.partnershipId });
    executive = await app.as('executive', { partnershipId: dudley.partnershipId });
    const id = (await upload(app.url, bu.cookie, dudley.partnershipId, 'log.csv', await importFixture('dudley-messy-log.csv'))).body.id!;
    const agency = (name: string) => dudley.agencyIds[name]!;
    await importApi.setMapping(bu, dudley.partnershipId, id, mappingFrom(await importApi.suggestion(bu, dudley.partnershipId, id), {
      dateOrder: 'DAY_FIRST', defaultUrgency: 'STANDARD', defaultRaisedVia: 'EMAIL',
      values: [
        { kind: 'AGENCY', from: 'CSC', to: agency("Children's Social Care") },
        { kind: 'AGENCY', from: 'School', to: agency('Education') },
        { kind: 'AGENCY', from: 'West Mids Police', to: agency('Police') },
        { kind: 'CATEGORY', from: 'Thresholds', to: 'agency_involvement_or_thresholds' },
        { kind: 'CATEGORY', from: 'info sharing', to: 'information_sharing_or_services' },
      ],
    }));
    await importApi.commit(bu, dudley.partnershipId, id);
    expect((await waitForImport(bu, dudley.partnershipId, id)).status).toBe('COMMITTED');
    await withClient(app.databaseUrl, async (client) => {
      await client.query(`UPDATE escalation SET summary = '=HYPERLINK("http://example.invalid","click")' WHERE partnership_id = $1 AND reference = 'DUD-006'`, [dudley.partnershipId]);
      const [entry] = (await client.query(
        `INSERT INTO strategic_log_entry (partnership_id, title, added_on, owner, status) VALUES ($1, 'Thresholds with health', '2025-02-10', 'Head of service', 'open') RETURNING id`,
        [dudley.partnershipId],
      )).rows;
      const [item] = (await client.query(
        `INSERT INTO learning_item (partnership_id, title, gap_kind) VALUES ($1, 'Strategy discussions refused', 'practice') RETURNING id`,
        [dudley.partnershipId],
      )).rows;
      await client.query(`INSERT INTO learning_action (partnership_id, learning_item_id, description, owner, due_on) VALUES ($1, $2, 'Brief police sergeants', 'DI Smith', '2025-05-01')`, [dudley.partnershipId, item.id]);
      expect(entry.id).toBeDefined();
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (client: TestClient | null, path: string) => fetch(`${app.url}${path}`, { headers: client ? { cookie: client.cookie } : {} });

  it('downloads the filtered escalation list as CSV, formulas defused, and audits the export', async () => {
    const response = await get(bu, `/exports/escalations.csv?partnershipId=${dudley.partnershipId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="escalations-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte-order mark, for Excel
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('Reference,Raised (UK time),Raised at (UTC),Raising agency,')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(9);
    expect(lines[1]).toMatch(/^DUD-001,06\/01\/2025 09:15,2025-01-06T09:15:00.000Z,Health,,Children's Social Care,"Whether an agency should be involved, including how referral criteria or thresholds are applied",standard,email,resolved,1 Practitioners,1,1,08\/01\/2025 09:00,,,,yes,"Referral not accepted, thresholds disputed"$/);
    expect(text).toContain(`,"'=HYPERLINK(""http://example.invalid"",""click"")"`);

    const open = await (await get(bu, `/exports/escalations.csv?partnershipId=${dudley.partnershipId}&statuses=open&raisedFrom=2025-02-01`)).text();
    expect(open.trim().split('\r\n').slice(1).map((line) => line.split(',')[0])).toEqual(['DUD-004', 'DUD-006', 'DUD-007']);

    const audited = await withClient(app.databaseUrl, async (client) =>
      (await client.query(`SELECT changes->'after'->>'rows' AS rows FROM audit_event WHERE partnership_id = $1 AND action = 'escalations.exported' ORDER BY id`, [dudley.partnershipId])).rows);
    expect(audited).toEqual([{ rows: '8' }, { rows: '3' }]);
  });

  it('keeps the escalation list to record-level roles, and says what is wrong with a filter', async () => {
    expect((await get(executive, `/exports/escalations.csv?partnershipId=${dudley.partnershipId}`)).status).toBe(403);
    expect((await get(null, `/exports/escalations.csv?partnershipId=${dudley.partnershipId}`)).status).toBe(401);
    const bad = await get(bu, `/exports/escalations.csv?partnershipId=${dudley.partnershipId}&statuses=lost`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/statuses/) });
  });

  it('exports an analytics table with exact counts for record-level roles and "<5" for the others and for publication', async () => {
    const path = `/exports/analytics/stage-reach.tiers.csv?partnershipId=${dudley.partnershipId}&${QUARTER}`;
    const exact = await (await get(bu, path)).text();
    const rows = exact.replace('\uFEFF', '').trim().split('\r\n');
    expect(rows[0]).toMatch(/^tier,tierName,reached,share/);
    expect(rows.slice(1).map((row) => row.split(',').slice(0, 3).join(','))).toEqual([
      '1,Practice,8', '2,First-line management,5', '3,Middle management and named leads,2', '4,Senior management,0', '5,Strategic,0',
    ]);
    const suppressed = await (await get(executive, path)).text();
    expect(suppressed).toContain('3,Middle management and named leads,<5');
    expect(await (await get(bu, `${path}&publication=true`)).text()).toContain('3,Middle management and named leads,<5');
  });

  it('exports a whole statistic, one table after another, and refuses tables that do not exist', async () => {
    const whole = await (await get(bu, `/exports/analytics/overview.csv?partnershipId=${dudley.partnershipId}&${QUARTER}`)).text();
    expect(whole.startsWith('# overview.summary\r\n')).toBe(true);
    const reach = await (await get(bu, `/exports/analytics/stage-reach.csv?partnershipId=${dudley.partnershipId}&${QUARTER}`)).text();
    expect(reach.match(/^# stage-reach\.[\w.]+/gm)).toEqual(expect.arrayContaining(['# stage-reach.summary', '# stage-reach.tiers', '# stage-reach.resolvedAt']));
    const missing = await get(bu, `/exports/analytics/nonsense.csv?partnershipId=${dudley.partnershipId}&${QUARTER}`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ code: 'UNKNOWN_TABLE', message: expect.stringMatching(/stage-reach\.csv/) });
    expect((await get(await app.as('national_viewer'), `/exports/analytics/overview.csv?partnershipId=${dudley.partnershipId}&${QUARTER}`)).status).toBe(403);
  });

  it('draws the quarterly report as a PDF of several pages', async () => {
    const response = await get(executive, `/exports/quarterly-report.pdf?partnershipId=${dudley.partnershipId}&${QUARTER}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="escalations-report-Q4-2024-25.pdf"');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
