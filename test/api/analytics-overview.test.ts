import { COUNT, dataOf, DEFAULT_FILTER, startAnalyticsApp, type AnalyticsTestApp } from '../support/analytics-api.js';

const HEADLINE = `{ current ${COUNT} previous ${COUNT} difference ratio share previousShare sparkline ${COUNT} }`;
const OVERVIEW = `query ($filter: AnalyticsFilter!) { analyticsOverview(filter: $filter) {
  cohort { escalations ${COUNT} outOfScope ${COUNT} asOf } previousPeriod { from to } months
  raised ${HEADLINE} open ${HEADLINE} resolvedAtPractice ${HEADLINE} reachedTopTier ${HEADLINE}
  compliance { current previous difference denominator ${COUNT} previousDenominator ${COUNT} sparkline } overdueNow ${HEADLINE}
} }`;
const DRIFT = `query ($filter: AnalyticsFilter!) { drift(filter: $filter) {
  open ${COUNT} byAge { label minDays maxDays escalations ${COUNT} } byCurrentStage { stageCode escalations ${COUNT} }
  overdue { timescales ${COUNT} escalations ${COUNT} list { reference ruleCode deadline overdueDays unit lateness } }
} }`;
const SILENT = `query ($filter: AnalyticsFilter!, $previous: Int) { silentAgencies(filter: $filter, previousPeriods: $previous) {
  periods { from to } periodTotals ${COUNT} agencies { name silent isActive raised ${COUNT} }
} }`;

interface Count { value: number | null; display: string; suppressed: boolean }
interface Headline { current: Count; previous: Count; difference: number | null; ratio: number | null; share: number | null; previousShare: number | null; sparkline: Count[] }
interface OverviewData {
  analyticsOverview: {
    cohort: { escalations: Count; outOfScope: Count; asOf: string }; previousPeriod: { from: string; to: string }; months: string[];
    raised: Headline; open: Headline; resolvedAtPractice: Headline; reachedTopTier: Headline; overdueNow: Headline;
    compliance: { current: number | null; previous: number | null; difference: number | null; denominator: Count; previousDenominator: Count; sparkline: (number | null)[] };
  };
}
interface DriftData {
  drift: {
    open: Count; byAge: { label: string; minDays: number; maxDays: number | null; escalations: Count }[]; byCurrentStage: { stageCode: string; escalations: Count }[];
    overdue: { timescales: Count; escalations: Count; list: { reference: string; ruleCode: string; deadline: string; overdueDays: number; unit: string; lateness: number | null }[] };
  };
}
interface SilentData { silentAgencies: { periods: { from: string; to: string }[]; periodTotals: Count[]; agencies: { name: string; silent: boolean; isActive: boolean; raised: Count[] }[] } }

const v = (h: Headline) => [h.current.value, h.previous.value];

describe('overview, drift and silent agencies', () => {
  let env: AnalyticsTestApp;

  beforeAll(async () => {
    env = await startAnalyticsApp();
  });
  afterAll(async () => {
    await env?.app.close();
  });

  it('gives the six headline figures against the previous six months, with a monthly series each', async () => {
    const client = await env.as('business_unit');
    const o = dataOf(await client.graphql<OverviewData>(OVERVIEW, { filter: DEFAULT_FILTER })).analyticsOverview;
    expect(o.previousPeriod).toEqual({ from: '2024-07-01', to: '2025-01-01' });
    expect(o.cohort.asOf).toBe('2025-07-01T12:00:00.000Z');
    // Raised: 19 against A21 and A22 = 2; by month 3 3 3 3 2 (A14 out of scope) 5.
    expect(v(o.raised)).toEqual([19, 2]);
    expect([o.raised.difference, o.raised.ratio]).toEqual([17, 8.5]);
    expect(o.raised.sparkline.map((c) => c.value)).toEqual([3, 3, 3, 3, 2, 5]);
    // Still open now: A15 A17 A18 → 3 (of 19), none of the previous period's.
    expect(v(o.open)).toEqual([3, 0]);
    expect(o.open.share).toBe(3 / 19);
    expect(o.open.sparkline.map((c) => c.value)).toEqual([0, 0, 0, 0, 1, 2]);
    // Resolved at practice level (tier 1): A01 A02 A04 A10 A12 A16 A19 A20 = 8; before: A21, A22 = 2 (of 2).
    expect(v(o.resolvedAtPractice)).toEqual([8, 2]);
    expect([o.resolvedAtPractice.share, o.resolvedAtPractice.previousShare]).toEqual([8 / 19, 1]);
    // Reached tier 5: A11 (April).
    expect(v(o.reachedTopTier)).toEqual([1, 0]);
    expect(o.reachedTopTier.sparkline.map((c) => c.value)).toEqual([0, 0, 0, 1, 0, 0]);
    // Compliance 17 ÷ (17 + 7 + 2) against A21's single met outcome: 1 ÷ 1.
    expect([o.compliance.current, o.compliance.previous, o.compliance.denominator.value]).toEqual([17 / 26, 1, 26]);
    expect(o.compliance.difference).toBeCloseTo(17 / 26 - 1, 12);
    // By month: Jan 4/5, Feb 3/4, Mar 3/5, Apr 2/5, May 2/3, Jun 3/4 (A18's pending clock is not counted).
    expect(o.compliance.sparkline).toEqual([4 / 5, 3 / 4, 3 / 5, 2 / 5, 2 / 3, 3 / 4]);
    // Overdue now: A12 (written confirmation, deadline 30 April) and A17 (stage 1, deadline 16 June) → 2, in April and June.
    expect(v(o.overdueNow)).toEqual([2, 0]);
    expect(o.overdueNow.sparkline.map((c) => c.value)).toEqual([0, 0, 0, 1, 0, 1]);
  });

  it('shows drift: open escalations by age and stage, and what is overdue now, oldest deadline first', async () => {
    const client = await env.as('business_unit');
    const { drift } = dataOf(await client.graphql<DriftData>(DRIFT, { filter: DEFAULT_FILTER }));
    // Ages at 1 July 12:00: A15 43.125 days, A17 22, A18 15.
    expect(drift.open.value).toBe(3);
    expect(drift.byAge.map((b) => [b.minDays, b.maxDays, b.escalations.value])).toEqual([
      [0, 7, 0], [7, 28, 2], [28, 91, 1], [91, 182, 0], [182, 365, 0], [365, null, 0],
    ]);
    // Current stages: A17 stage 1, A18 stage 2, A15 stage 3a.
    expect(drift.byCurrentStage.map((s) => [s.stageCode, s.escalations.value])).toEqual([['1', 1], ['2', 1], ['3a', 1]]);
    // Overdue now: pending or overdue with the deadline passed. A18's pending clock runs to 3 July: not yet.
    expect([drift.overdue.timescales.value, drift.overdue.escalations.value]).toEqual([2, 2]);
    const [first, second] = drift.overdue.list;
    // A12: 30 April 09:00 → 1 July 12:00 = 62 days 3 hours. In working days (England): 30 April from 10:00 BST = 14/24,
    // May 20 (22 weekdays less the 5th and 26th), June 21, 1 July to 13:00 BST = 13/24 → 42.125.
    expect([first!.reference, first!.ruleCode, first!.overdueDays, first!.unit]).toEqual(['A12', 'written-confirmation-local-2wd', 62.125, 'WORKING_DAYS']);
    expect(first!.lateness).toBeCloseTo(42.125, 9);
    // A17: 16 June 12:00 → exactly 15 days; in working days 11/24 + 10 + 13/24 = 11.
    expect([second!.reference, second!.overdueDays]).toEqual(['A17', 15]);
    expect(second!.lateness).toBeCloseTo(11, 9);
  });

  it('lists silent agencies beside their counts over the four periods before', async () => {
    const client = await env.as('business_unit');
    const { silentAgencies } = dataOf(await client.graphql<SilentData>(SILENT, { filter: DEFAULT_FILTER }));
    expect(silentAgencies.periods).toEqual([
      { from: '2025-01-01', to: '2025-07-01' }, { from: '2024-07-01', to: '2025-01-01' }, { from: '2024-01-01', to: '2024-07-01' },
      { from: '2023-07-01', to: '2024-01-01' }, { from: '2023-01-01', to: '2023-07-01' },
    ]);
    // Housing Options raised none this period (A22 was October 2024): silent, listed first.
    expect(silentAgencies.agencies.map((a) => [a.name, a.silent, a.raised.map((c) => c.value)])).toEqual([
      ['Housing Options', true, [0, 1, 0, 0, 0]],
      ["Children's Social Care", false, [3, 0, 0, 0, 0]],
      ['Education', false, [4, 0, 0, 0, 0]],
      ['Health', false, [8, 1, 0, 0, 0]],
      ['Police', false, [4, 0, 0, 0, 0]],
    ]);
    expect(silentAgencies.periodTotals.map((c) => c.value)).toEqual([19, 2, 0, 0, 0]);
  });

  it('suppresses small headline counts for roles without record-level access, and withholds the overdue list', async () => {
    const client = await env.as('improvement_group');
    const o = dataOf(await client.graphql<OverviewData>(OVERVIEW, { filter: DEFAULT_FILTER })).analyticsOverview;
    expect(o.raised.current.display).toBe('19');
    expect(o.raised.previous).toEqual({ value: null, display: '<5', suppressed: true });
    expect(o.raised.difference).toBeNull();
    // Months 3 3 3 3 2 → "<5"; June's 5 stays (five months are hidden, nothing to subtract to).
    expect(o.raised.sparkline.map((c) => c.display)).toEqual(['<5', '<5', '<5', '<5', '<5', '5']);
    expect([o.open.current.display, o.open.share]).toEqual(['<5', null]);
    // Compliance 17/26 reveals met (17) and breached + overdue (9), no smaller count: shown. The previous period's
    // 1/1 would reveal a met count of 1: withheld. Each month's met or late count is below 5: withheld.
    expect([o.compliance.current, o.compliance.denominator.display, o.compliance.previous]).toEqual([17 / 26, '26', null]);
    expect(o.compliance.sparkline).toEqual([null, null, null, null, null, null]);
    const { drift } = dataOf(await client.graphql<DriftData>(DRIFT, { filter: DEFAULT_FILTER }));
    expect(drift.overdue.list).toEqual([]);
    expect(drift.overdue.timescales.display).toBe('<5');
  });
});
