import { DUDLEY } from '../protocols/index.js';
import type { ImportMapping } from './import-fields.js';
import { checkMapping } from './check-mapping.js';
import { createRowReader, type ImportContext } from './import-row.js';
import { suggestMapping } from './suggest-mapping.js';

const HEADERS = ['Ref', 'Date raised', 'Raised by', 'Escalated to', 'Area of disagreement', 'Priority', 'Stage 2 date', 'Stage 3a date', 'Status', 'Date closed'];

const CONTEXT: ImportContext = {
  stages: DUDLEY.stages,
  skipAllowedFor: DUDLEY.skipAllowedFor,
  agencies: [
    { id: '1', name: "Children's Social Care" },
    { id: '2', name: 'West Midlands Police' },
    { id: '3', name: 'Health' },
  ],
  categories: DUDLEY.categories,
  now: new Date('2025-06-30T12:00:00Z'),
  calendar: { earliest: new Date('2015-01-01T00:00:00Z'), latest: new Date('2035-12-01T00:00:00Z') },
  textLimits: { reference: 60, childReference: 100, role: 200, summary: 10_000, outcome: 10_000 },
};

const MAPPING: ImportMapping = {
  columns: suggestMapping(HEADERS, DUDLEY.stages),
  dateOrder: 'day_first',
  excelSerialDates: true,
  dateOnlyTime: '09:00',
  defaultUrgency: null,
  defaultRaisedVia: 'phone',
  values: [{ kind: 'agency', from: 'WMP', to: '2' }],
};

const read = createRowReader(HEADERS, MAPPING, CONTEXT);
const row = (over: Partial<Record<string, string | number>>) => {
  const base: Record<string, string | number> = {
    Ref: 'D-1', 'Date raised': '03/02/2025', 'Raised by': 'health', 'Escalated to': 'WMP',
    'Area of disagreement': 'Information sharing or provision of services', Priority: 'Routine',
    'Stage 2 date': '', 'Stage 3a date': '', Status: '', 'Date closed': '',
  };
  return HEADERS.map((h) => ({ ...base, ...over })[h] ?? null);
};

describe('suggestMapping', () => {
  it('matches headers by name and stage columns to their stages', () => {
    expect(MAPPING.columns).toEqual([
      { header: 'Ref', field: 'reference', stageCode: null },
      { header: 'Date raised', field: 'raised_at', stageCode: null },
      { header: 'Raised by', field: 'raising_agency', stageCode: null },
      { header: 'Escalated to', field: 'receiving_agency', stageCode: null },
      { header: 'Area of disagreement', field: 'category', stageCode: null },
      { header: 'Priority', field: 'urgency', stageCode: null },
      { header: 'Stage 2 date', field: 'stage_entered', stageCode: '2' },
      { header: 'Stage 3a date', field: 'stage_entered', stageCode: '3a' },
      { header: 'Status', field: 'status', stageCode: null },
      { header: 'Date closed', field: 'closed_at', stageCode: null },
    ]);
  });

  it('prefers the mapping saved for the partnership', () => {
    const saved = [{ header: 'Priority', field: 'summary' as const, stageCode: null }];
    expect(suggestMapping(HEADERS, DUDLEY.stages, saved).find((c) => c.header === 'Priority')?.field).toBe('summary');
  });
});

describe('checkMapping', () => {
  it('accepts a complete mapping and lists everything missing from an incomplete one', () => {
    expect(checkMapping(HEADERS, MAPPING, CONTEXT)).toEqual([]);
    const broken: ImportMapping = { ...MAPPING, columns: MAPPING.columns.filter((c) => c.field !== 'category'), defaultRaisedVia: null, dateOnlyTime: '9am' };
    expect(checkMapping(HEADERS, broken, CONTEXT)).toEqual([
      'No column is mapped to category.',
      'No column is mapped to raised_via: choose a default for how escalations were raised.',
      '"9am" is not a clock time (HH:MM) for dates written without one.',
    ]);
  });
});

describe('createRowReader', () => {
  it('turns a row into an escalation with its journey, mapped values and derived status', () => {
    const result = read(row({ 'Stage 2 date': '05/02/2025 10:00', 'Date closed': '10/02/2025' }), 2);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const e = result.escalation;
    expect([e.reference, e.raisingAgencyId, e.receivingAgencyId, e.categoryCode, e.urgency, e.raisedVia, e.status]).toEqual(['D-1', '3', '2', 'information_sharing_or_services', 'standard', 'phone', 'resolved']);
    expect(e.raisedAt.toISOString()).toBe('2025-02-03T09:00:00.000Z');
    expect(e.entries.map((s) => [s.stageCode, s.enteredAt.toISOString(), s.exitedAt?.toISOString(), s.exitReason])).toEqual([
      ['1', '2025-02-03T09:00:00.000Z', '2025-02-05T10:00:00.000Z', 'escalated'],
      ['2', '2025-02-05T10:00:00.000Z', '2025-02-10T09:00:00.000Z', 'resolved'],
    ]);
    expect([e.currentStageCode, e.highestTier, e.resolvedTier]).toEqual(['2', 2, 2]);
  });

  it('reports every problem of a row by column, with the reason', () => {
    const result = read(row({ Ref: '', 'Date raised': '', 'Raised by': 'Glos Police', 'Area of disagreement': 'Thresholds', Priority: 'whenever' }), 7);
    expect(result.ok ? [] : result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [7, 'Ref', 'MISSING_VALUE'],
      [7, 'Date raised', 'MISSING_VALUE'],
      [7, 'Raised by', 'UNKNOWN_AGENCY'],
      [7, 'Area of disagreement', 'UNKNOWN_CATEGORY'],
      [7, 'Priority', 'UNKNOWN_VALUE'],
    ]);
  });

  it('catches stage 3 dated before stage 2, a skip the urgency does not allow, and dates in the future', () => {
    const order = read(row({ 'Stage 2 date': '10/02/2025', 'Stage 3a date': '07/02/2025' }), 3);
    expect(order.ok ? [] : order.problems.map((p) => [p.column, p.code, p.message])).toEqual([
      ['Stage 3a date', 'STAGE_ORDER', 'Stage 3a (07/02/2025 09:00) is dated before stage 2 (10/02/2025 09:00).'],
    ]);
    const skip = read(row({ 'Stage 3a date': '07/02/2025' }), 4);
    expect(skip.ok ? [] : skip.problems.map((p) => [p.column, p.code])).toEqual([['Stage 3a date', 'SKIP_NOT_ALLOWED']]);
    const future = read(row({ 'Date raised': '01/01/2026' }), 5);
    expect(future.ok ? [] : future.problems.map((p) => [p.column, p.code])).toEqual([['Date raised', 'TIME_IN_FUTURE']]);
  });

  it('refuses a closing date before the last stage and an open escalation with a closing date', () => {
    const early = read(row({ 'Stage 2 date': '10/02/2025', 'Date closed': '08/02/2025' }), 6);
    expect(early.ok ? [] : early.problems.map((p) => [p.column, p.code])).toEqual([['Date closed', 'TIME_BEFORE_PREVIOUS_EVENT']]);
    const open = read(row({ Status: 'Ongoing', 'Date closed': '08/02/2025' }), 7);
    expect(open.ok ? [] : open.problems.map((p) => [p.column, p.code])).toEqual([
      ['Date closed', 'ESCALATION_CLOSED'],
      ['Status', 'ESCALATION_CLOSED'],
    ]);
  });
});
