import { COUNT, dataOf, DEFAULT_FILTER, startAnalyticsApp, type AnalyticsTestApp } from '../support/analytics-api.js';

const CURVE = `{ tier escalations ${COUNT} resolved ${COUNT} censored ${COUNT} medianDays medianLowerDays medianUpperDays totalSteps thinned
  steps { time atRisk events censored survival lower upper } }`;
const KM = `query ($filter: AnalyticsFilter!, $maxSteps: Int, $publish: Boolean) {
  timeToResolution(filter: $filter, maxSteps: $maxSteps, suppressSmallNumbers: $publish) { cohort { escalations ${COUNT} } overall ${CURVE} byTier ${CURVE} }
}`;

interface Count { value: number | null; suppressed: boolean }
interface Step { time: number; atRisk: number | null; events: number | null; censored: number | null; survival: number; lower: number | null; upper: number | null }
interface Curve {
  tier: number | null; escalations: Count; resolved: Count; censored: Count; medianDays: number | null; medianLowerDays: number | null;
  medianUpperDays: number | null; totalSteps: number | null; thinned: boolean; steps: Step[];
}
interface KmData { timeToResolution: { cohort: { escalations: Count }; overall: Curve; byTier: Curve[] } }

/** qnorm(0.975). */
const Z = 1.959963984540054;

/**
 * The cohort's 19 escalations as (days to resolution or censoring, resolved?). Raised 09:00 UTC and closed whole days
 * later except A20 (12 hours); open ones censored at now, 1 July 2025 12:00 UTC: A15 raised 19 May 09:00 → 43.125 days,
 * A17 9 June 12:00 → 22, A18 16 June 12:00 → 15. Withdrawn A07 (5) and A13 (12) are censored when they closed.
 *
 *   time    n at risk  events  censored   S(t)                         Greenwood Σ d / (n (n − d))
 *   0.5     19         1       0          18/19                        1/342
 *   1       18         1       0          17/19                        + 1/306
 *   2       17         3       0          14/19   (A01 A10 A19)        + 3/238
 *   3       14         1       0          13/19                        + 1/182
 *   4       13         2       0          11/19   (A02 A12)            + 2/143
 *   5       11         0       1 (A07)    11/19
 *   6       10         2       0          11/19 × 8/10 = 44/95  ≤ 0.5  + 2/80   ← median
 *   8       8          1       0          44/95 × 7/8 = 77/190         + 1/56
 *   10      7          1       0          77/190 × 6/7 = 33/95         + 1/42
 *   12      6          0       1 (A13)
 *   15      5          0       1 (A18)
 *   20      4          1       0          33/95 × 3/4 = 99/380         + 1/12
 *   22      3          0       1 (A17)
 *   30      2          1       0          99/760                       + 1/2
 *   43.125  1          0       1 (A15)
 */
const STEPS: [time: number, n: number, d: number, c: number, s: number][] = [
  [0.5, 19, 1, 0, 18 / 19], [1, 18, 1, 0, 17 / 19], [2, 17, 3, 0, 14 / 19], [3, 14, 1, 0, 13 / 19], [4, 13, 2, 0, 11 / 19],
  [5, 11, 0, 1, 11 / 19], [6, 10, 2, 0, 44 / 95], [8, 8, 1, 0, 77 / 190], [10, 7, 1, 0, 33 / 95], [12, 6, 0, 1, 33 / 95],
  [15, 5, 0, 1, 33 / 95], [20, 4, 1, 0, 99 / 380], [22, 3, 0, 1, 99 / 380], [30, 2, 1, 0, 99 / 760], [43.125, 1, 0, 1, 99 / 760],
];

/** Greenwood's sum and the log-scale 95% band at each step, as R's survfit (conf.type "log") gives them. */
function expectedBands(): { lower: number; upper: number }[] {
  let greenwood = 0;
  return STEPS.map(([, n, d, , s]) => {
    greenwood += d / (n * (n - d));
    const spread = Z * Math.sqrt(greenwood);
    return { lower: s * Math.exp(-spread), upper: Math.min(1, s * Math.exp(spread)) };
  });
}

describe('time to resolution (Kaplan–Meier)', () => {
  let env: AnalyticsTestApp;
  let km: KmData['timeToResolution'];

  beforeAll(async () => {
    env = await startAnalyticsApp();
    const client = await env.as('business_unit');
    km = dataOf(await client.graphql<KmData>(KM, { filter: DEFAULT_FILTER })).timeToResolution;
  });
  afterAll(async () => {
    await env?.app.close();
  });

  it('steps at every distinct time with the number at risk, events and censored, open ones censored at now', () => {
    expect(km.overall.escalations.value).toBe(19);
    expect(km.overall.resolved.value).toBe(14);
    expect(km.overall.censored.value).toBe(5);
    expect(km.overall.totalSteps).toBe(15);
    expect(km.overall.thinned).toBe(false);
    expect(km.overall.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual(STEPS.map(([t, n, d, c]) => [t, n, d, c]));
    km.overall.steps.forEach((step, i) => expect(step.survival).toBeCloseTo(STEPS[i]![4], 12));
  });

  it('gives the Greenwood log-scale band at every step', () => {
    const bands = expectedBands();
    km.overall.steps.forEach((step, i) => {
      expect(step.lower).toBeCloseTo(bands[i]!.lower, 10);
      expect(step.upper).toBeCloseTo(bands[i]!.upper, 10);
    });
    // e.g. at 3 days: Σ = 1/342 + 1/306 + 3/238 + 1/182 = 0.0242915; lower = 13/19 × exp(−1.96 × 0.155857) = 0.50409.
    expect(km.overall.steps[3]!.lower).toBeCloseTo(0.50409, 4);
  });

  it('takes the median where S(t) first falls to 0.5 or below, with the Brookmeyer–Crowley interval', () => {
    // S(4) = 11/19 = 0.579 > 0.5, S(6) = 44/95 = 0.463 ≤ 0.5 → median 6 days. A naive median of the 14 resolved times
    // (0.5 1 2 2 2 3 4 4 6 6 8 10 20 30 → 4) would understate it.
    expect(km.overall.medianDays).toBe(6);
    // Lower limit: first time the lower band ≤ 0.5 — 0.504 at 3 days, 11/19 × exp(−1.96 × √0.0382775) = 0.3945 at 4 → 4.
    expect(km.overall.medianLowerDays).toBe(4);
    // Upper limit: first time the upper band ≤ 0.5 — it stays above (0.610 at 20 days, 0.662 at 30): not reached.
    expect(km.overall.medianUpperDays).toBeNull();
  });

  it('stratifies by the highest tier reached', () => {
    // Tier 1: A20 0.5, A04 1, A01 A10 A19 2, A02 A12 4, A07 5 (withdrawn), A16 6, A17 22 (open).
    //   S: 0.9, 0.8, 0.8 × 5/8 = 0.5 exactly at 2 days → median 2 (within the rounding tolerance of exp Σ ln).
    // Tier 2: A03 6, A08 8, A13 12 (withdrawn), A18 15 (open): 3/4, then 3/4 × 2/3 = 0.5 at 8 → median 8.
    // Tier 3: A06 3, A05 10, A15 43.125 (open): 2/3, 1/3 at 10 → median 10. Tier 4: A09 20. Tier 5: A11 30.
    expect(km.byTier.map((c) => [c.tier, c.escalations.value, c.resolved.value, c.censored.value, c.medianDays])).toEqual([
      [1, 10, 8, 2, 2], [2, 4, 2, 2, 8], [3, 3, 2, 1, 10], [4, 1, 1, 0, 20], [5, 1, 1, 0, 30],
    ]);
    expect(km.byTier[0]!.steps.map((s) => s.survival)).toEqual([0.9, 0.8, 0.5, 0.3, 0.3, 0.15, 0.15].map((v) => expect.closeTo(v, 12)));
    // A curve that falls to 0 has no band there.
    expect(km.byTier[3]!.steps).toEqual([{ time: 20, atRisk: 1, events: 1, censored: 0, survival: 0, lower: null, upper: null }]);
  });

  it('thins a long curve to every k-th step, keeping the last and those at the median and its limits', async () => {
    const client = await env.as('business_unit');
    const thinned = dataOf(await client.graphql<KmData>(KM, { filter: DEFAULT_FILTER, maxSteps: 10 })).timeToResolution.overall;
    // 15 steps > 10: k = ⌈15 / (10 − 4)⌉ = 3 → steps 1, 4, 7, 10, 13; the last (15); the median (step 7, 6 days) and
    // the interval's lower limit (step 5, 4 days).
    expect(thinned.thinned).toBe(true);
    expect(thinned.totalSteps).toBe(15);
    expect(thinned.steps.map((s) => s.time)).toEqual([0.5, 3, 4, 6, 12, 22, 43.125]);
    expect(thinned.medianDays).toBe(6);
  });

  it('withholds step counts and small curves when small numbers are suppressed', async () => {
    const client = await env.as('executive');
    const km2 = dataOf(await client.graphql<KmData>(KM, { filter: DEFAULT_FILTER })).timeToResolution;
    expect(km2.overall.steps.every((s) => s.atRisk === null && s.events === null && s.censored === null)).toBe(true);
    expect(km2.overall.totalSteps).toBeNull();
    expect(km2.overall.medianDays).toBe(6);
    // Tier 1: 10 = 8 resolved + 2 censored; the 2 is suppressed, so the 8 is too (secondary), or 10 − 8 would give it away.
    expect([km2.byTier[0]!.escalations.value, km2.byTier[0]!.resolved.suppressed, km2.byTier[0]!.censored.suppressed]).toEqual([10, true, true]);
    // Tier 2 has 4 escalations: suppressed, so no steps and no median.
    expect(km2.byTier[1]!.escalations).toEqual({ value: null, display: '<5', suppressed: true });
    expect(km2.byTier[1]!.steps).toEqual([]);
    expect(km2.byTier[1]!.medianDays).toBeNull();
  });
});
