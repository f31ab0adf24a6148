import { DUDLEY } from '@escalation-insights/shared';
import { COUNT, dataOf, DEFAULT_FILTER, startAnalyticsApp, type AnalyticsTestApp } from '../support/analytics-api.js';
import { insertEscalations, insertFixturePartnership, type FixtureEscalation, type FixturePartnership } from '../support/analytics-fixture.js';

/*
 * The lateness histogram per rule and the compliance of each stage month by month, over
 * the hand-built data set (test/support/analytics-dataset.ts), and a partnership C of
 * twelve escalations whose lateness buckets need secondary suppression.
 */

const BUCKET = `{ label above upTo breached ${COUNT} overdue ${COUNT} }`;
const QUERY = `query ($filter: AnalyticsFilter!) {
  breachStatistics(filter: $filter) {
    byRule { ruleCode breached ${COUNT} overdue ${COUNT} }
    byStage { stageCode met ${COUNT} breached ${COUNT} }
    byMonth { month met ${COUNT} breached ${COUNT} }
    byStageAndMonth { stageCode stageName tier month monthLabel met ${COUNT} breached ${COUNT} overdue ${COUNT} pending ${COUNT} counted ${COUNT} compliance }
    latenessByRule { ruleCode ruleName stageCode stageName tier unit breached ${COUNT} overdue ${COUNT} buckets ${BUCKET} }
  }
}`;

interface Count { value: number | null; display: string; suppressed: boolean }
interface Bucket { label: string; above: number | null; upTo: number | null; breached: Count; overdue: Count }
interface RuleLateness { ruleCode: string; ruleName: string; stageCode: string; stageName: string; tier: number; unit: string; breached: Count; overdue: Count; buckets: Bucket[] }
interface StageMonth {
  stageCode: string; stageName: string; tier: number; month: string; monthLabel: string;
  met: Count; breached: Count; overdue: Count; pending: Count; counted: Count; compliance: number | null;
}
interface Data {
  breachStatistics: {
    byRule: { ruleCode: string; breached: Count; overdue: Count }[];
    byStage: { stageCode: string; met: Count; breached: Count }[];
    byMonth: { month: string; met: Count; breached: Count }[];
    byStageAndMonth: StageMonth[];
    latenessByRule: RuleLateness[];
  };
}

const S1 = 'stage-1-standard-local-5wd';
const DAY_LABELS = ['≤1', '2', '3', '4–5', '6–10', '11–20', '>20'];
/** [label, breached, overdue] of each bucket, as shown. */
const histogram = (rule: RuleLateness) => rule.buckets.map((b) => [b.label, b.breached.display, b.overdue.display]);
const statusCounts = (g: StageMonth) => [g.met.value, g.breached.value, g.overdue.value, g.pending.value];

describe('lateness histogram and compliance by stage over time', () => {
  let env: AnalyticsTestApp;
  let stats: Data['breachStatistics'];
  let c: FixturePartnership;

  beforeAll(async () => {
    env = await startAnalyticsApp();
    c = await insertFixturePartnership(env.app.databaseUrl, DUDLEY, 'fixture-c');
    await insertEscalations(env.app.databaseUrl, c, PARTNERSHIP_C);
    stats = dataOf(await (await env.as('business_unit')).graphql<Data>(QUERY, { filter: DEFAULT_FILTER })).breachStatistics;
  });
  afterAll(async () => {
    await env?.app.close();
  });

  const rule = (code: string) => stats.latenessByRule.find((r) => r.ruleCode === code)!;

  describe('the lateness histogram', () => {
    it('buckets each rule\'s breached and overdue outcomes by lateness rounded up, ends included', () => {
      // stage-1-standard, working days: breached A05 1.0 (≤1), A08 2.5 (3), A11 4.0 (4–5); overdue A17 10 so far (6–10).
      const s1 = rule(S1);
      expect([s1.stageCode, s1.stageName, s1.tier, s1.unit]).toEqual(['1', 'Practitioners', 1, 'WORKING_DAYS']);
      expect(s1.ruleName).toMatch(/5 working days/);
      expect(histogram(s1)).toEqual([['≤1', '1', '0'], ['2', '0', '0'], ['3', '1', '0'], ['4–5', '1', '0'], ['6–10', '0', '1'], ['11–20', '0', '0'], ['>20', '0', '0']]);
      expect([s1.breached.value, s1.overdue.value]).toEqual([3, 1]);
      // stage-2-standard: breached A09 3.0 (3), A13 1.0 (≤1).
      expect(histogram(rule('stage-2-standard-local-5wd')).filter(([, b, o]) => b !== '0' || o !== '0')).toEqual([['≤1', '1', '0'], ['3', '1', '0']]);
      // written confirmation: breached A02 1.5 (2); overdue A12 48 so far (>20).
      expect(histogram(rule('written-confirmation-local-2wd')).filter(([, b, o]) => b !== '0' || o !== '0')).toEqual([['2', '1', '0'], ['>20', '0', '1']]);
    });

    it('gives an hours rule hour buckets, and a rule with nothing late all zeros', () => {
      // stage-1-urgent in hours: A10 breached 6 hours late (5–8).
      const urgent = rule('stage-1-urgent-24h');
      expect(urgent.unit).toBe('HOURS');
      expect(urgent.buckets.map((b) => [b.label, b.above, b.upTo])).toEqual([
        ['≤1', null, 1], ['2–4', 1, 4], ['5–8', 4, 8], ['9–24', 8, 24], ['25–48', 24, 48], ['49–168', 48, 168], ['>168', 168, null],
      ]);
      expect(histogram(urgent).filter(([, b, o]) => b !== '0' || o !== '0')).toEqual([['5–8', '1', '0']]);
      // stage-1-immediate (same working day, reported in working days): A06 met.
      const immediate = rule('stage-1-immediate-same-day');
      expect(immediate.unit).toBe('WORKING_DAYS');
      expect(immediate.buckets.map((b) => b.label)).toEqual(DAY_LABELS);
      expect(immediate.buckets.every((b) => b.breached.value === 0 && b.overdue.value === 0)).toBe(true);
    });

    it('has a histogram for every rule of byRule, whose buckets add up to its breached and overdue counts', () => {
      expect(stats.latenessByRule.map((r) => r.ruleCode)).toEqual(stats.byRule.map((r) => r.ruleCode));
      for (const r of stats.latenessByRule) {
        const byRule = stats.byRule.find((g) => g.ruleCode === r.ruleCode)!;
        expect(r.buckets.reduce((sum, b) => sum + b.breached.value!, 0)).toBe(byRule.breached.value);
        expect(r.buckets.reduce((sum, b) => sum + b.overdue.value!, 0)).toBe(byRule.overdue.value);
      }
    });

    it('follows the filter', async () => {
      // Receiving agency Police: A10 (urgent, 6 h) and A11 (stage 1, 4.0 → 4–5).
      const client = await env.as('business_unit');
      const police = dataOf(await client.graphql<Data>(QUERY, { filter: { ...DEFAULT_FILTER, receivingAgencyIds: [env.data.a.agencies['Police']] } })).breachStatistics;
      const late = (code: string) => histogram(police.latenessByRule.find((r) => r.ruleCode === code)!).filter(([, b, o]) => b !== '0' || o !== '0');
      expect(late(S1)).toEqual([['4–5', '1', '0']]);
      expect(late('stage-1-urgent-24h')).toEqual([['5–8', '1', '0']]);
    });

    it('suppresses small buckets for an executive, hiding a second bucket where one alone could be worked out', async () => {
      // Partnership C, stage-1-standard: breached 6, lateness 0.2 0.5 0.8 0.9 1.0 (≤1: 5) and 2.5 (3: 1).
      // "3" holds 1 → "<5"; the rule's 6 breached are shown, so ≤1 = 6 − 1 would give it away: ≤1 is hidden too.
      const executive = await env.app.as('executive', { partnershipId: c.partnershipId });
      const shown = dataOf(await executive.graphql<Data>(QUERY, { filter: DEFAULT_FILTER })).breachStatistics;
      const s1 = shown.latenessByRule.find((r) => r.ruleCode === S1)!;
      expect(s1.breached.display).toBe('6');
      expect(histogram(s1)).toEqual([['≤1', '<5', '0'], ['2', '0', '0'], ['3', '<5', '0'], ['4–5', '0', '0'], ['6–10', '0', '0'], ['11–20', '0', '0'], ['>20', '0', '0']]);
      expect(s1.buckets[0]!.breached).toEqual({ value: null, display: '<5', suppressed: true });
      // The business unit of C sees the exact counts.
      const unit = await env.app.as('business_unit', { partnershipId: c.partnershipId });
      const exact = dataOf(await unit.graphql<Data>(QUERY, { filter: DEFAULT_FILTER })).breachStatistics;
      expect(histogram(exact.latenessByRule.find((r) => r.ruleCode === S1)!).slice(0, 3)).toEqual([['≤1', '5', '0'], ['2', '0', '0'], ['3', '1', '0']]);
    });
  });

  describe('compliance by stage, month by month', () => {
    it('counts each stage\'s outcomes per month of raising, with compliance', () => {
      // Stage 1 (stage-1 rules and written confirmation): Jan met 4 breached 1 (A01 ×2, A02 ×2, A03); Feb 2, 1 (A04, A05, A06);
      // Mar 2, 1 (A07, A08, A09); Apr 1, 2, overdue 1 (A10, A11, A12 ×2); May 2 (A13, A15); Jun 3, 0, 1, 1 (A16 – A20).
      // Stage 2: Feb met 1 (A05); Mar 1, 1 (A08, A09); Apr 1 (A11); May breached 1 (A13).
      expect(stats.byStageAndMonth.map((g) => [g.stageCode, g.month, ...statusCounts(g)])).toEqual([
        ['1', '2025-01-01', 4, 1, 0, 0], ['1', '2025-02-01', 2, 1, 0, 0], ['1', '2025-03-01', 2, 1, 0, 0],
        ['1', '2025-04-01', 1, 2, 1, 0], ['1', '2025-05-01', 2, 0, 0, 0], ['1', '2025-06-01', 3, 0, 1, 1],
        ['2', '2025-02-01', 1, 0, 0, 0], ['2', '2025-03-01', 1, 1, 0, 0], ['2', '2025-04-01', 1, 0, 0, 0], ['2', '2025-05-01', 0, 1, 0, 0],
      ]);
      const cell = (stage: string, month: string) => stats.byStageAndMonth.find((g) => g.stageCode === stage && g.month === month)!;
      // Stage 1 in April: 1 ÷ (1 + 2 + 1); stage 2 in March 1 ÷ 2; stage 1 in June 3 ÷ 4 (the pending one left out).
      expect(cell('1', '2025-04-01').compliance).toBe(0.25);
      expect(cell('2', '2025-03-01').compliance).toBe(0.5);
      expect(cell('1', '2025-06-01').compliance).toBe(0.75);
      expect(cell('1', '2025-06-01').counted.value).toBe(5);
      expect([cell('2', '2025-05-01').monthLabel, cell('2', '2025-05-01').tier]).toEqual(['May 2025', 2]);
    });

    it('adds up to each stage and to each month', () => {
      for (const stage of stats.byStage) {
        const cells = stats.byStageAndMonth.filter((g) => g.stageCode === stage.stageCode);
        expect(cells.reduce((sum, g) => sum + g.met.value!, 0)).toBe(stage.met.value);
        expect(cells.reduce((sum, g) => sum + g.breached.value!, 0)).toBe(stage.breached.value);
      }
      for (const month of stats.byMonth) {
        const cells = stats.byStageAndMonth.filter((g) => g.month === month.month);
        expect(cells.reduce((sum, g) => sum + g.met.value!, 0)).toBe(month.met.value);
      }
    });

    it('suppresses small cells for an executive, so that no stage or month total gives one away', async () => {
      const executive = await env.as('executive');
      const shown = dataOf(await executive.graphql<Data>(QUERY, { filter: DEFAULT_FILTER })).breachStatistics;
      // Every cell of partnership A is 4 or fewer: all "<5" but the zeros, and no compliance.
      const first = shown.byStageAndMonth.find((g) => g.stageCode === '1' && g.month === '2025-01-01')!;
      expect([first.met.display, first.breached.display, first.overdue.display, first.compliance]).toEqual(['<5', '<5', '0', null]);
      // A stage's or a month's met count is never left with exactly one hidden cell beneath it.
      const hidden = (c: Count) => c.suppressed;
      for (const stage of shown.byStage) {
        const cells = shown.byStageAndMonth.filter((g) => g.stageCode === stage.stageCode);
        expect([stage.met, ...cells.map((g) => g.met)].filter(hidden).length).not.toBe(1);
      }
      for (const month of shown.byMonth) {
        const cells = shown.byStageAndMonth.filter((g) => g.month === month.month);
        expect([month.met, ...cells.map((g) => g.met)].filter(hidden).length).not.toBe(1);
      }
    });

    it('shows partnership C\'s one stage month to its executive as it is: nothing there is small', async () => {
      const executive = await env.app.as('executive', { partnershipId: c.partnershipId });
      const shown = dataOf(await executive.graphql<Data>(QUERY, { filter: DEFAULT_FILTER })).breachStatistics;
      expect(shown.byStageAndMonth.map((g) => [g.stageCode, g.month, g.met.display, g.breached.display, g.compliance])).toEqual([['1', '2025-03-01', '6', '6', 0.5]]);
    });
  });
});

const day = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/** Twelve escalations raised in March 2025, resolved a week later: stage-1-standard met six times and breached six times. */
const PARTNERSHIP_C: readonly FixtureEscalation[] = [
  ...[0.2, 0.5, 0.8, 0.9, 1.0, 2.5].map((lateness, i) => ({ lateness, i, status: 'breached' as const })),
  ...[1, 2, 3, 4, 5, 6].map((n, i) => ({ lateness: undefined, i: i + 6, status: 'met' as const, elapsed: n * 0.5 })),
].map(({ lateness, i, status }) => {
  const raisedAt = `2025-03-${String(3 + i).padStart(2, '0')}T09:00:00Z`;
  return {
    reference: `C${String(i + 1).padStart(2, '0')}`,
    raisedAt,
    raising: 'Health',
    receiving: "Children's Social Care",
    category: 'course_of_action',
    urgency: 'standard',
    stages: ['1'],
    status: 'resolved',
    closedAt: day(raisedAt, 7),
    outcomes: [{ rule: S1, status, elapsed: status === 'met' ? 2 : 5 + (lateness ?? 0), lateness }],
  } satisfies FixtureEscalation;
});
