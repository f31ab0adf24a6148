import type { InstalledPartnership } from '@escalation-insights/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DUDLEY } from '@escalation-insights/shared';
import { insertPartnership } from '../support/fixtures.js';
import { importApi, mappingFrom, upload, waitForImport } from '../support/import-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';
import { xlsxWorkbook, type XlsxCell } from '../support/xlsx-writer.js';

/** Excel's serial for a UK wall-clock time (what a date-formatted cell holds). */
const serial = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569 + (h * 60 + min) / 1_440;

const ROWS: (XlsxCell[] | null)[] = [
  ['Escalation ref', 'Date of escalation', 'Agency raising', 'Agency receiving', 'Category', 'Urgency', 'Raised via', 'Stage 2 entered', 'Stage 3a entered', 'Date resolved'],
  ['X-1', serial(2025, 4, 1, 10, 30), 'Health', 'Police', 'course of action', 'Standard', 'Email', null, null, serial(2025, 4, 3)],
  null,
  ['X-2', serial(2025, 4, 2), 'Police', 'Education', 'Information sharing or provision of services', 'urgent', 'Phone', serial(2025, 4, 3, 14, 0), null, null],
  [1003, '07/04/2025 11:00', 'Education', 'Health', 'course of action', 'Immediate', 'Meeting', serial(2025, 4, 7, 15, 0), serial(2025, 4, 8, 9, 0), null],
  null,
  null,
];

describe('importing an Excel workbook', () => {
  let app: TestApp;
  let dudley: InstalledPartnership;
  let bu: TestClient;

  beforeAll(async () => {
    app = await startTestApp({ seed: async (url) => (dudley = await insertPartnership(url, { template: DUDLEY })) });
    bu = await app.as('business_unit', { partnershipId: dudley.partnershipId });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('reads the first sheet as a stream: serial dates with and without times, text dates, numbers as references, gaps skipped', async () => {
    const answer = await upload(app.url, bu.cookie, dudley.partnershipId, 'Escalations Q1.xlsx', xlsxWorkbook(ROWS));
    expect(answer.status).toBe(201);
    const id = answer.body.id!;
    const session = await importApi.session(bu, dudley.partnershipId, id);
    expect(session).toMatchObject({ fileKind: 'XLSX', headers: ROWS[0] });
    expect(session.sampleRows.map((row) => row[0])).toEqual(['X-1', 'X-2', '1003']);
    const suggestion = await importApi.suggestion(bu, dudley.partnershipId, id);
    expect(suggestion.columns.map((c) => c.field)).toEqual([
      'REFERENCE', 'RAISED_AT', 'RAISING_AGENCY', 'RECEIVING_AGENCY', 'CATEGORY', 'URGENCY', 'RAISED_VIA', 'STAGE_ENTERED', 'STAGE_ENTERED', 'CLOSED_AT',
    ]);
    await importApi.setMapping(bu, dudley.partnershipId, id, mappingFrom(suggestion, { dateOrder: 'DAY_FIRST', dateOnlyTime: '12:00' }));
    await importApi.commit(bu, dudley.partnershipId, id);
    expect(await waitForImport(bu, dudley.partnershipId, id)).toMatchObject({ status: 'COMMITTED', counts: { toCreate: 3 }, progress: { rowsRead: 3 } });

    const stored = await withClient(app.databaseUrl, async (client) =>
      (await client.query(
        `SELECT reference, status, urgency, raised_via, current_stage_code, to_char(raised_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI') AS raised,
                to_char(closed_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI') AS closed
         FROM escalation WHERE partnership_id = $1 ORDER BY reference`,
        [dudley.partnershipId],
      )).rows);
    expect(stored).toEqual([
      { reference: '1003', status: 'open', urgency: 'immediate', raised_via: 'meeting', current_stage_code: '3a', raised: '2025-04-07 11:00', closed: null },
      { reference: 'X-1', status: 'resolved', urgency: 'standard', raised_via: 'email', current_stage_code: '1', raised: '2025-04-01 10:30', closed: '2025-04-03 12:00' },
      { reference: 'X-2', status: 'open', urgency: 'urgent', raised_via: 'phone', current_stage_code: '2', raised: '2025-04-02 12:00', closed: null },
    ]);
  });
});
