import type { SqlRunner } from './analytics-reader.js';
import { cohortWhere, dimensionConditions, localMidnight, narrowerThanPartnerships, SqlParams, type AnalyticsScope } from './cohort-sql.js';
import { wholeMonths, type Period } from './period.js';

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
  // Subjects are counted per (tier, time) by hashing, the whole cohort's steps summed from those; one sort then
  // serves the running sums, and the per-curve figures come from grouping rather than from windows over each curve.
  // n at risk = subjects of the curve − those with an earlier time. (Under row-level security PostgreSQL expects a few
  // hundred (tier, span) groups where a large cohort has tens of thousands, and would sort the cohort to group it: so
  // sorting is discouraged for this statement; the running sums still sort the groups, which they must.)
  await run(`SET LOCAL enable_sort = off`, []);
  const rows = await run<Record<string, unknown>>(
    `WITH by_tier AS MATERIALIZED (${subjectsSql(scope, params, at)}),
     times AS MATERIALIZED (
       SELECT * FROM by_tier
       UNION ALL
       SELECT 0, t, sum(d)::int, sum(c)::int FROM by_tier GROUP BY t
     ),
     totals AS MATERIALIZED (
       SELECT stratum, sum(d + c)::int AS subjects, sum(d)::int AS events, sum(c)::int AS censored, count(*)::int AS total_steps
       FROM times GROUP BY stratum
     ),
     curve AS MATERIALIZED (
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
           SELECT x.stratum, x.t, x.d, x.c, (tot.subjects - sum(x.d + x.c) OVER w + x.d + x.c)::int AS n
           FROM times x JOIN totals tot ON tot.stratum = x.stratum
           WINDOW w AS (PARTITION BY x.stratum ORDER BY x.t ROWS UNBOUNDED PRECEDING)
         ) r
         WINDOW w AS (PARTITION BY r.stratum ORDER BY r.t ROWS UNBOUNDED PRECEDING)
       ) k
     ),
     medians AS MATERIALIZED (
       SELECT stratum, min(t) FILTER (WHERE s <= ${half}) AS median, min(t) FILTER (WHERE lower <= ${half}) AS median_lower,
              min(t) FILTER (WHERE upper <= ${half}) AS median_upper
       FROM curve GROUP BY stratum
     )
     SELECT c.stratum, c.t, c.n, c.d, c.c, c.s, c.lower, c.upper, tot.subjects, tot.events, tot.censored, tot.total_steps,
            m.median, m.median_lower, m.median_upper
     FROM curve c JOIN totals tot ON tot.stratum = c.stratum JOIN medians m ON m.stratum = c.stratum
     WHERE tot.total_steps <= ${max}
        OR (c.step - 1) % ceil(tot.total_steps::float8 / greatest(${max} - 4, 1))::int = 0
        OR c.step = tot.total_steps
        OR c.t IN (m.median, m.median_lower, m.median_upper)
     ORDER BY c.stratum, c.t`,
    params,
  );
  await run(`SET LOCAL enable_sort = on`, []);
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

/** Days from raising to `end`, fractional (86 400 s each), never below 0. */
const DAYS = (end: string, e: string) => `greatest(extract(epoch FROM ${end} - ${e}.raised_at)::float8 / 86400, 0)`;

/**
 * The cohort's subjects counted per stratum (highest tier) and time: d resolved (events),
 * c censored (open at `at`, or withdrawn). Closed escalations of the months wholly inside
 * the period come counted by time already (analytics_closure_month, kept on write); open
 * ones, and closed ones of part-months, are read one by one. A filter narrower than
 * partnerships (which those counts do not hold) reads the whole cohort one by one.
 */
function subjectsSql(scope: AnalyticsScope, params: SqlParams, at: string): string {
  const whole = narrowerThanPartnerships(scope) ? null : wholeMonths(scope.period);
  if (whole === null) {
    // Grouped by the span first: the time in days is then worked out once per distinct span, not per escalation.
    return `SELECT stratum, greatest(extract(epoch FROM span)::float8 / 86400, 0) AS t, sum(d)::int AS d, sum(c)::int AS c
       FROM (
         SELECT e.highest_tier::int AS stratum, (CASE WHEN e.status = 'open' THEN ${at} ELSE e.closed_at END) - e.raised_at AS span,
                count(*) FILTER (WHERE e.status = 'resolved')::int AS d,
                count(*) FILTER (WHERE e.status <> 'resolved')::int AS c
         FROM analytics_escalation e
         WHERE ${cohortWhere('e', scope, params)}
         GROUP BY 1, 2
       ) s
       GROUP BY 1, 2`;
  }
  const partnerships = dimensionConditions('e', scope, params).join(' AND ');
  const within = (ranges: readonly Period[]) => ranges
    .filter((range) => range.from < range.to)
    .map((range) => `(e.raised_at >= ${localMidnight(params, range.from)} AND e.raised_at < ${localMidnight(params, range.to)})`);
  const edges = within([{ from: scope.period.from, to: whole.from }, { from: whole.to, to: scope.period.to }]);
  return `SELECT stratum, t, sum(d)::int AS d, sum(c)::int AS c
     FROM (
       SELECT m.highest_tier::int AS stratum, m.days AS t, CASE WHEN m.resolved THEN m.escalations ELSE 0 END AS d,
              CASE WHEN m.resolved THEN 0 ELSE m.escalations END AS c
       FROM analytics_closure_month m
       WHERE m.partnership_id = ANY(${params.add(scope.partnershipIds, 'bigint[]')})
         AND m.raised_month >= ${params.add(whole.from, 'date')} AND m.raised_month < ${params.add(whole.to, 'date')}
       UNION ALL
       SELECT e.highest_tier::int, ${DAYS(at, 'e')}, 0, 1
       FROM analytics_escalation e
       WHERE ${partnerships} AND e.status = 'open' AND ${within([scope.period])[0]}
       ${edges.length === 0 ? '' : `UNION ALL
       SELECT e.highest_tier::int, ${DAYS('e.closed_at', 'e')}, (e.status = 'resolved')::int, (e.status <> 'resolved')::int
       FROM analytics_escalation e
       WHERE ${partnerships} AND e.status IN ('resolved', 'withdrawn') AND (${edges.join(' OR ')})`}
     ) x
     GROUP BY 1, 2`;
}
