import type { SqlRunner } from './analytics-reader.js';
import { cohortWhere, SqlParams, type AnalyticsScope } from './cohort-sql.js';

/** qnorm(0.975): the two-sided 95% normal quantile. */
export const Z_95 = 1.959963984540054;
/** Comparisons with 0.5 allow this much for rounding in the running product exp(Σ ln(1 − d/n)). */
export const HALF_TOLERANCE = 1e-9;

export interface CurveStep {
  readonly stratum: number;
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  readonly survival: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface CurveSummary {
  readonly stratum: number;
  readonly subjects: number;
  readonly events: number;
  readonly censored: number;
  readonly totalSteps: number;
  readonly median: number | null;
  readonly medianLower: number | null;
  readonly medianUpper: number | null;
}

/**
 * Kaplan–Meier estimates of time to resolution, computed in SQL for the whole cohort
 * (stratum 0) and for each highest tier reached (strata 1–5).
 *
 * - Time: calendar days (fractional, 86 400 s each) from raised_at to closed_at for a
 *   resolved escalation (an event); open ones are censored at `now`, withdrawn ones at
 *   closed_at. Out-of-scope ones are not in the cohort.
 * - One step per distinct time: d events, c censored, n at risk = subjects whose time is
 *   at or after it (censored at t are still at risk at t).
 * - S(t) = Π (1 − d/n) over steps up to t, taken as exp(Σ ln(1 − d/n)); 0 from a step where d = n.
 * - Greenwood: Var(log S(t)) = Σ d / (n (n − d)); 95% band exp(log S ± 1.96·√Var), the
 *   upper capped at 1 (R survival's default conf.type "log"); no band where S(t) = 0.
 * - Median = first time S(t) ≤ 0.5 (DESIGN.md §4.3; R takes the midpoint where the curve
 *   is flat at exactly 0.5). Its 95% interval by Brookmeyer–Crowley — the times at which
 *   0.5 lies within the band — as R's quantile.survfit finds it: lower limit = first time
 *   the LOWER band ≤ 0.5, upper limit = first time the UPPER band ≤ 0.5 (null when never).
 *   The lower band falls first, so lower limit ≤ median ≤ upper limit.
 *
 * Returns every step, or when a curve has more than `maxSteps`, every k-th step plus the
 * first, the last and those at the median and its limits.
 */
export async function readKaplanMeier(
  run: SqlRunner,
  scope: AnalyticsScope,
  now: Date,
  maxSteps: number,
): Promise<{ steps: CurveStep[]; summaries: CurveSummary[] }> {
  const params = new SqlParams();
  const at = params.add(now.toISOString(), 'timestamptz');
  const z = params.add(Z_95, 'float8');
  const half = params.add(0.5 + HALF_TOLERANCE, 'float8');
  const max = params.add(maxSteps, 'int');
  // One sort: the subjects grouped by (stratum, time), then every window over that order.
  // n at risk = subjects of the stratum − those with an earlier time.
  const rows = await run<Record<string, unknown>>(
    `SELECT stratum, t, n, d, c, s, lower, upper, subjects, events, censored, total_steps, median, median_lower, median_upper
     FROM (
       SELECT b.*, max(n) OVER m AS subjects, sum(d) OVER m AS events, sum(c) OVER m AS censored, count(*) OVER m AS total_steps,
              min(t) FILTER (WHERE s <= ${half}) OVER m AS median,
              min(t) FILTER (WHERE lower <= ${half}) OVER m AS median_lower,
              min(t) FILTER (WHERE upper <= ${half}) OVER m AS median_upper
       FROM (
         SELECT k.stratum, k.t, k.d, k.c, k.n, k.step,
                CASE WHEN k.extinct THEN 0 ELSE k.product END AS s,
                CASE WHEN k.extinct THEN NULL ELSE k.product * exp(-${z} * sqrt(k.greenwood)) END AS lower,
                CASE WHEN k.extinct THEN NULL ELSE least(1, k.product * exp(${z} * sqrt(k.greenwood))) END AS upper
         FROM (
           SELECT r.*,
                  bool_or(d = n) OVER w AS extinct,
                  exp(sum(ln(CASE WHEN d < n THEN 1 - d::float8 / n ELSE 1 END)) OVER w) AS product,
                  sum(CASE WHEN d < n THEN d::float8 / (n::float8 * (n - d)) ELSE 0 END) OVER w AS greenwood,
                  row_number() OVER w AS step
           FROM (
             SELECT x.stratum, x.t, x.d, x.c,
                    (sum(x.d + x.c) OVER (PARTITION BY x.stratum) - sum(x.d + x.c) OVER w + x.d + x.c)::int AS n
             FROM (
               SELECT CASE WHEN GROUPING(e.highest_tier) = 1 THEN 0 ELSE e.highest_tier::int END AS stratum,
                      greatest(extract(epoch FROM (CASE WHEN e.status = 'open' THEN ${at} ELSE e.closed_at END) - e.raised_at)::float8 / 86400, 0) AS t,
                      count(*) FILTER (WHERE e.status = 'resolved')::int AS d,
                      count(*) FILTER (WHERE e.status <> 'resolved')::int AS c
               FROM analytics_escalation e
               WHERE ${cohortWhere('e', scope, params)}
               GROUP BY GROUPING SETS ((2), (e.highest_tier, 2))
             ) x
             WINDOW w AS (PARTITION BY x.stratum ORDER BY x.t ROWS UNBOUNDED PRECEDING)
           ) r
           WINDOW w AS (PARTITION BY r.stratum ORDER BY r.t ROWS UNBOUNDED PRECEDING)
         ) k
       ) b
       WINDOW m AS (PARTITION BY b.stratum)
     ) z
     WHERE total_steps <= ${max}
        OR (step - 1) % ceil(total_steps::float8 / greatest(${max} - 4, 1))::int = 0
        OR step = total_steps
        OR t IN (median, median_lower, median_upper)
     ORDER BY stratum, t`,
    params,
  );
  const summaries = new Map<number, CurveSummary>();
  const steps = rows.map((row): CurveStep => {
    const stratum = Number(row['stratum']);
    if (!summaries.has(stratum)) {
      summaries.set(stratum, {
        stratum,
        subjects: Number(row['subjects']),
        events: Number(row['events']),
        censored: Number(row['censored']),
        totalSteps: Number(row['total_steps']),
        median: nullableNumber(row['median']),
        medianLower: nullableNumber(row['median_lower']),
        medianUpper: nullableNumber(row['median_upper']),
      });
    }
    return {
      stratum,
      time: Number(row['t']),
      atRisk: Number(row['n']),
      events: Number(row['d']),
      censored: Number(row['c']),
      survival: Number(row['s']),
      lower: nullableNumber(row['lower']),
      upper: nullableNumber(row['upper']),
    };
  });
  return { steps, summaries: [...summaries.values()] };
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
