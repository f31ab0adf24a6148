import { COUNT, dataOf, DEFAULT_FILTER, startAnalyticsApp, type AnalyticsTestApp } from '../support/analytics-api.js';

const TIMES = `{ count median p90 }`;
const GROUP = `{ ruleCode ruleName stageCode tier agencyName month met ${COUNT} breached ${COUNT} overdue ${COUNT} pending ${COUNT}
  counted ${COUNT} compliance durations { unit timeTaken ${TIMES} lateness ${TIMES} } }`;
const BREACH = `query ($filter: AnalyticsFilter!, $agencyRole: AgencyRole) {
  breachStatistics(filter: $filter, agencyRole: $agencyRole) {
    overall ${GROUP} byRule ${GROUP} byStage ${GROUP} byTier ${GROUP} byAgency ${GROUP} byMonth ${GROUP} byRuleAndMonth ${GROUP}
  }
}`;

interface Count { value: number | null }
interface Times { count: number | null; median: number | null; p90: number | null }
interface Group {
  ruleCode: string | null; ruleName: string | null; stageCode: string | null; tier: number | null; agencyName: string | null; month: string | null;
  met: Count; breached: Count; overdue: Count; pending: Count; counted: Count; compliance: number | null;
  durations: { unit: string; timeTaken: Times; lateness: Times }[];
}
interface BreachData {
  breachStatistics: Record<'byRule' | 'byStage' | 'byTier' | 'byAgency' | 'byMonth' | 'byRuleAndMonth', Group[]> & { overall: Group };
}

const counts = (g: Group) => [g.met.value, g.breached.value, g.overdue.value, g.pending.value];

describe('breach statistics', () => {
  let env: AnalyticsTestApp;
  let stats: BreachData['breachStatistics'];

  beforeAll(async () => {
    env = await startAnalyticsApp();
    const client = await env.as('business_unit');
    stats = dataOf(await client.graphql<BreachData>(BREACH, { filter: DEFAULT_FILTER })).breachStatistics;
  });
  afterAll(async () => {
    await env?.app.close();
  });

  it('counts met, breached, overdue and pending per rule, leaving out not-applicable and out-of-scope outcomes', () => {
    // stage-1-standard: met A01 A02 A04 A07 A09 A12 A13 A16 A19 A20 = 10; breached A05 A08 A11 = 3; overdue A17; pending A18.
    // (A14 is out of scope; A21 raised before the period.) Compliance 10 ÷ (10 + 3 + 1) = 10/14.
    const rule = (code: string) => stats.byRule.find((g) => g.ruleCode === code)!;
    const s1 = rule('stage-1-standard-local-5wd');
    expect(counts(s1)).toEqual([10, 3, 1, 1]);
    expect(s1.counted.value).toBe(15);
    expect(s1.compliance).toBeCloseTo(10 / 14, 12);
    expect([s1.stageCode, s1.tier]).toEqual(['1', 1]);
    // stage-1-urgent: met A03 A15, breached A10 → 2/3. Immediate: met A06 → 1.
    expect(counts(rule('stage-1-urgent-24h'))).toEqual([2, 1, 0, 0]);
    expect(rule('stage-1-urgent-24h').compliance).toBeCloseTo(2 / 3, 12);
    expect(counts(rule('stage-1-immediate-same-day'))).toEqual([1, 0, 0, 0]);
    // stage-2-standard: met A05 A08 A11, breached A09 A13 → 3/5.
    expect(counts(rule('stage-2-standard-local-5wd'))).toEqual([3, 2, 0, 0]);
    expect(rule('stage-2-standard-local-5wd').compliance).toBe(0.6);
    // written confirmation: met A01, breached A02, overdue A12; A16's is not applicable → 1/3.
    expect(counts(rule('written-confirmation-local-2wd'))).toEqual([1, 1, 1, 0]);
    expect(stats.byRule.map((g) => g.ruleCode).sort()).toEqual([
      'stage-1-immediate-same-day', 'stage-1-standard-local-5wd', 'stage-1-urgent-24h', 'stage-2-standard-local-5wd', 'written-confirmation-local-2wd',
    ]);
  });

  it('gives the median and 90th percentile by linear interpolation, in the rule\'s unit', () => {
    // stage-1-standard time taken (met and breached), sorted, 13 values:
    //   0.25 0.4 0.5 1 1.5 2 2.5 3 4 5 6 7.5 9
    //   median: position (13 − 1) × 0.5 = 6 → 2.5; p90: 12 × 0.9 = 10.8 → 6 + 0.8 × (7.5 − 6) = 7.2.
    // Lateness (breached and overdue): 1 2.5 4 10 → median at 1.5: 2.5 + 0.5 × 1.5 = 3.25; p90 at 2.7: 4 + 0.7 × 6 = 8.2.
    const s1 = stats.byRule.find((g) => g.ruleCode === 'stage-1-standard-local-5wd')!;
    expect(s1.durations).toHaveLength(1);
    expect(s1.durations[0]!.unit).toBe('WORKING_DAYS');
    expect(s1.durations[0]!.timeTaken).toEqual({ count: 13, median: 2.5, p90: expect.closeTo(7.2, 12) });
    expect(s1.durations[0]!.lateness).toEqual({ count: 4, median: 3.25, p90: expect.closeTo(8.2, 12) });
    // stage-1-urgent in hours: taken 10 20 30 → median 20, p90 at 1.8: 20 + 0.8 × 10 = 28; lateness 6 alone.
    const urgent = stats.byRule.find((g) => g.ruleCode === 'stage-1-urgent-24h')!;
    expect(urgent.durations).toEqual([{ unit: 'HOURS', timeTaken: { count: 3, median: 20, p90: expect.closeTo(28, 12) }, lateness: { count: 1, median: 6, p90: 6 } }]);
    // A same-working-day rule is reported in working days.
    expect(stats.byRule.find((g) => g.ruleCode === 'stage-1-immediate-same-day')!.durations[0]!.unit).toBe('WORKING_DAYS');
    // written confirmation: taken 1 3.5 → median 2.25, p90 1 + 0.9 × 2.5 = 3.25; lateness 1.5 48 → 24.75, 1.5 + 0.9 × 46.5 = 43.35.
    const written = stats.byRule.find((g) => g.ruleCode === 'written-confirmation-local-2wd')!;
    expect(written.durations[0]!.timeTaken).toEqual({ count: 2, median: 2.25, p90: expect.closeTo(3.25, 12) });
    expect(written.durations[0]!.lateness).toEqual({ count: 2, median: 24.75, p90: expect.closeTo(43.35, 12) });
  });

  it('adds up overall, keeping units apart in the percentiles', () => {
    // met 10 + 2 + 1 + 3 + 1 = 17; breached 3 + 1 + 0 + 2 + 1 = 7; overdue 1 + 1 = 2; pending 1. Compliance 17/26.
    expect(counts(stats.overall)).toEqual([17, 7, 2, 1]);
    expect(stats.overall.counted.value).toBe(27);
    expect(stats.overall.compliance).toBeCloseTo(17 / 26, 12);
    // Hours: stage-1-urgent alone. Working days, 21 times taken:
    //   0.2 0.25 0.4 0.5 1 1 1.5 2 2 2.5 3 3 3.5 4 4.5 5 6 6 7.5 8 9 → median (position 10) 3, p90 (position 18) 7.5.
    // Lateness, 8 values: 1 1 1.5 2.5 3 4 10 48 → median at 3.5: 2.5 + 0.5 × 0.5 = 2.75; p90 at 6.3: 10 + 0.3 × 38 = 21.4.
    expect(stats.overall.durations).toEqual([
      { unit: 'HOURS', timeTaken: { count: 3, median: 20, p90: expect.closeTo(28, 12) }, lateness: { count: 1, median: 6, p90: 6 } },
      { unit: 'WORKING_DAYS', timeTaken: { count: 21, median: 3, p90: 7.5 }, lateness: { count: 8, median: 2.75, p90: expect.closeTo(21.4, 12) } },
    ]);
  });

  it('breaks down by stage, tier, receiving agency and month of raising', () => {
    // Tier 1 (the stage-1 rules and written confirmation): met 10 + 2 + 1 + 1 = 14, breached 3 + 1 + 1 = 5, overdue 2, pending 1.
    // Tier 2 (stage-2): met 3, breached 2.
    expect(stats.byTier.map((g) => [g.tier, ...counts(g)])).toEqual([[1, 14, 5, 2, 1], [2, 3, 2, 0, 0]]);
    expect(stats.byStage.map((g) => [g.stageCode, ...counts(g)])).toEqual([['1', 14, 5, 2, 1], ['2', 3, 2, 0, 0]]);
    // Receiving agency: CSC met 11 (A01 ×2, A02, A03, A06, A07, A09, A12, A13, A15, A20), breached 3 (A02 written, A09 stage 2,
    // A13 stage 2), overdue A12, pending A18; Police met 3, breached 2 (A10, A11); Health met 2, breached 1 (A05);
    // Education met 1, breached 1 (A08), overdue A17.
    expect(Object.fromEntries(stats.byAgency.map((g) => [g.agencyName, counts(g)]))).toEqual({
      "Children's Social Care": [11, 3, 1, 1], Education: [1, 1, 1, 0], Health: [2, 1, 0, 0], Police: [3, 2, 0, 0],
    });
    // Months of raising: Jan met 4 breached 1; Feb 3, 1; Mar 3, 2; Apr 2, 2, overdue 1; May 2, 1; Jun 3, 0, 1, 1.
    expect(stats.byMonth.map((g) => [g.month, ...counts(g)])).toEqual([
      ['2025-01-01', 4, 1, 0, 0], ['2025-02-01', 3, 1, 0, 0], ['2025-03-01', 3, 2, 0, 0],
      ['2025-04-01', 2, 2, 1, 0], ['2025-05-01', 2, 1, 0, 0], ['2025-06-01', 3, 0, 1, 1],
    ]);
    // Rule by month: stage-2-standard in March (A08 met, A09 breached).
    const cell = stats.byRuleAndMonth.find((g) => g.ruleCode === 'stage-2-standard-local-5wd' && g.month === '2025-03-01')!;
    expect(counts(cell)).toEqual([1, 1, 0, 0]);
    expect(cell.compliance).toBe(0.5);
  });

  it('breaks down by raising agency when asked', async () => {
    const client = await env.as('business_unit');
    const byRaising = dataOf(await client.graphql<BreachData>(BREACH, { filter: DEFAULT_FILTER, agencyRole: 'RAISING' })).breachStatistics;
    // Raising Health: A01 (met ×2), A04 met, A07 met, A09 (met, breached), A12 (met, overdue), A15 met, A16 met, A20 met
    // → met 9, breached 1, overdue 1.
    expect(counts(byRaising.byAgency.find((g) => g.agencyName === 'Health')!)).toEqual([9, 1, 1, 0]);
  });

  it('has no compliance where nothing was due', async () => {
    const client = await env.as('business_unit');
    const empty = dataOf(await client.graphql<BreachData>(BREACH, { filter: { from: '2020-01-01', to: '2020-02-01' } })).breachStatistics;
    expect(counts(empty.overall)).toEqual([0, 0, 0, 0]);
    expect(empty.overall.compliance).toBeNull();
    expect(empty.overall.durations).toEqual([]);
    expect(empty.byMonth.map((g) => g.month)).toEqual(['2020-01-01']);
  });
});
