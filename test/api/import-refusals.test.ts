import type { InstalledPartnership } from '@escalation-insights/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DUDLEY } from '@escalation-insights/shared';
import { insertPartnership } from '../support/fixtures.js';
import { importApi, importFixture, mappingFrom, upload, waitForImport } from '../support/import-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';
import { zipArchive } from '../support/xlsx-writer.js';

describe('imports that must not go in', () => {
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

  const send = (body: Uint8Array | string, name = 'log.csv') => upload(app.url, bu.cookie, dudley.partnershipId, name, body);

  it('commits nothing from a file with bad rows, and lists every bad row by row and column with the reason', async () => {
    const answer = await send(await importFixture('dudley-bad-rows.csv'));
    const id = answer.body.id!;
    const suggestion = await importApi.suggestion(bu, dudley.partnershipId, id);
    await importApi.setMapping(bu, dudley.partnershipId, id, mappingFrom(suggestion, { dateOrder: 'DAY_FIRST', defaultRaisedVia: 'PHONE' }));
    await importApi.commit(bu, dudley.partnershipId, id);
    const done = await waitForImport(bu, dudley.partnershipId, id);
    expect(done).toMatchObject({
      status: 'INVALID',
      error: '8 rows have problems: nothing was written.',
      counts: { problemRows: 8, problemCount: 8 },
      progress: { rowsRead: 9, rowsWritten: 0 },
    });
    const problems = await importApi.problems(bu, dudley.partnershipId, id);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'Stage 3a date', 'STAGE_ORDER'],
      [3, 'Date Raised', 'MISSING_VALUE'],
      [4, 'Raised By', 'UNKNOWN_AGENCY'],
      [5, 'Date Raised', 'TIME_IN_FUTURE'],
      [6, 'Date Raised', 'BAD_DATE'],
      [8, 'Stage 3a date', 'SKIP_NOT_ALLOWED'],
      [9, 'Date closed', 'TIME_BEFORE_PREVIOUS_EVENT'],
      [10, 'Ref', 'DUPLICATE_REFERENCE'],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'Stage 3a (15/01/2025 09:00) is dated before stage 2 (20/01/2025 09:00).',
      'Missing raised date.',
      'Unknown agency "Glos Constabulary": map it in the mapping step.',
      expect.stringMatching(/^raisedAt 2031-01-01T09:00:00Z is in the future|The escalation is raised in the future\.$/),
      '"31/02/2025" is not a real date',
      'Stage "3a" skips 2, which a standard escalation may not.',
      'Closed 05/01/2025 09:00, before stage 1 was entered (08/01/2025 09:00).',
      'Reference "GOOD-001" is also on row 7: each escalation once.',
    ]);
    const stored = await withClient(app.databaseUrl, async (client) => ({
      escalations: (await client.query('SELECT count(*)::int AS n FROM escalation WHERE partnership_id = $1', [dudley.partnershipId])).rows[0].n,
      imported: (await client.query(`SELECT count(*)::int AS n FROM audit_event WHERE partnership_id = $1 AND action = 'escalations.imported'`, [dudley.partnershipId])).rows[0].n,
    }));
    expect(stored).toEqual({ escalations: 0, imported: 0 });
  });

  it('refuses files that are not CSV or .xlsx, saying what they look like', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await send(png, 'photo.csv')).toEqual({ status: 415, body: expect.objectContaining({ code: 'UNSUPPORTED_FILE_TYPE', message: expect.stringMatching(/not a CSV or \.xlsx file/) }) });
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]);
    expect(await send(xls, 'old.xls')).toEqual({ status: 415, body: expect.objectContaining({ code: 'UNSUPPORTED_FILE_TYPE', message: expect.stringMatching(/old-style Excel \.xls.*save it as \.xlsx or CSV/) }) });
    expect(await send(Buffer.from('%PDF-1.7\n...'), 'report.pdf')).toEqual({ status: 415, body: expect.objectContaining({ code: 'UNSUPPORTED_FILE_TYPE' }) });
    const notWorkbook = zipArchive({ 'notes.txt': 'hello' });
    expect(await send(notWorkbook, 'archive.xlsx')).toEqual({ status: 415, body: expect.objectContaining({ code: 'UNSUPPORTED_FILE_TYPE', message: expect.stringMatching(/zip file but not an Excel workbook/) }) });
  });

  it('refuses an empty file, one of blank lines, and one with headers but no rows', async () => {
    expect(await send('')).toEqual({ status: 400, body: expect.objectContaining({ code: 'EMPTY_FILE', message: 'The file is empty.' }) });
    expect(await send('\r\n \r\n\t\r\n')).toEqual({ status: 400, body: expect.objectContaining({ code: 'EMPTY_FILE' }) });
    expect(await send('Ref,Date raised\r\n,\r\n\r\n')).toEqual({ status: 400, body: expect.objectContaining({ code: 'EMPTY_FILE', message: expect.stringMatching(/header row but no rows/) }) });
  });

  it('refuses a huge single cell, and a quote left open to the end of the file', async () => {
    const huge = `Ref,Summary\r\nA-1,${'x'.repeat(300_000)}\r\n`;
    expect(await send(huge)).toEqual({ status: 400, body: expect.objectContaining({ code: 'CELL_TOO_LARGE', message: expect.stringMatching(/^Line 2 has a cell of 300,000 characters/) }) });
    const unclosed = `Ref,Summary\r\nA-1,"${'word '.repeat(400_000)}\r\n`;
    expect(await send(unclosed)).toEqual({ status: 400, body: expect.objectContaining({ code: 'CELL_TOO_LARGE', message: expect.stringMatching(/over 1,000,000 characters long/) }) });
  });

  it('lets only business-unit staff of a partnership upload', async () => {
    const executive = await app.as('executive', { partnershipId: dudley.partnershipId });
    expect((await upload(app.url, executive.cookie, dudley.partnershipId, 'log.csv', 'Ref\r\nA\r\n')).status).toBe(403);
    expect((await upload(app.url, null, dudley.partnershipId, 'log.csv', 'Ref\r\nA\r\n')).status).toBe(401);
    const other = await insertPartnership(app.databaseUrl, { template: DUDLEY, code: 'other-dudley' });
    const answer = await upload(app.url, bu.cookie, other.partnershipId, 'log.csv', 'Ref\r\nA\r\n');
    expect(answer).toEqual({ status: 404, body: expect.objectContaining({ code: 'PARTNERSHIP_NOT_FOUND' }) });
  });

  it('refuses a mapping that leaves out what an escalation needs, listing every gap', async () => {
    const id = (await send('Ref,When\r\nA-1,01/02/2025\r\n')).body.id!;
    const response = await bu.graphql(
      `mutation($input: SetImportMappingInput!) { setImportMapping(input: $input) { id } }`,
      { input: { partnershipId: dudley.partnershipId, importId: id, mapping: { columns: [{ header: 'Ref', field: 'REFERENCE' }, { header: 'Nope', field: 'RAISED_AT' }], dateOrder: 'DAY_FIRST' } } },
    );
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'INVALID_MAPPING',
      problems: [
        'Column "Nope" is not in the file.',
        'No column is mapped to raising_agency.',
        'No column is mapped to receiving_agency.',
        'No column is mapped to category.',
        'No column is mapped to urgency: choose a default urgency.',
        'No column is mapped to raised_via: choose a default for how escalations were raised.',
      ],
    });
  });
});
