import type { SqlRunner } from './analytics-reader.js';
import { dimensionConditions, localMidnight, narrowerThanPartnerships, SqlParams, type AnalyticsScope } from './cohort-sql.js';
import type { AgencyRole } from './dto/analytics.args.js';
import { wholeMonths, type Period } from './period.js';

/** Every PIVOT_SPACING-th value of a duration cell is kept apart (migration 1764253000000 uses the same). */
export const PIVOT_SPACING = 32;

/** Duration cell kinds (analytics_duration_cell.kind): the breakdowns of breach statistics. */
const KIND = { overall: 1, rule: 2, stage: 3, tier: 4, receiving: 5, raising: 6 } as const;

export type DurationBreakdown = 'overall' | 'rule' | 'stage' | 'tier' | 'agency' | 'month';
export type Measure = 'taken' | 'late';

/** Median and 90th percentile (percentile_cont) of one measure of one group, in one report unit. */
export interface PercentileRow {
  readonly breakdown: DurationBreakdown;
  readonly ruleCode: string | null;
  readonly unit: string | null;
  readonly stageCode: string | null;
  readonly tier: number | null;
  readonly agencyId: string | null;
  readonly month: string | null;
  readonly reportUnit: string;
  readonly measure: Measure;
  /** How many values the percentiles are of. */
  readonly count: number;
  readonly median: number;
  readonly p90: number;
}

/**
 * The median and 90th percentile of time taken and of lateness for every group of every
 * breakdown of breach statistics, exactly as PostgreSQL's percentile_cont over the
 * cohort's outcomes would give them (linear interpolation between the values at ranks
 * ⌊p(n−1)⌋ and ⌈p(n−1)⌉), without sorting those outcomes.
 *
 * The values come in sorted "cells" (analytics_duration_cell: one per month of raising,
 * breakdown group, report unit and measure, kept current on write) — for the days of the
 * period in a month only partly inside it, or when the filter narrows by agency, category
 * or urgency (which the cells do not hold), cells of the same shape are made from the
 * outcome rows. A group's values are the union of its cells; the value of rank r in it
 * is found by selection, not by a sort:
 *
 * 1. Each cell keeps every s-th value (s = PIVOT_SPACING) as a "pivot". Sorting the
 *    group's pivots (n/s of them) brackets the value of rank r: at least j·s values are
 *    ≤ the j-th pivot, and at most j·s + m(s−1) (m cells). A bracket [a, b] is taken
 *    around the expected position (tight), another from those bounds (guaranteed).
 * 2. width_bucket counts, by binary search in each cell, exactly how many values are ≤ a
 *    and ≤ b. The tight bracket is used when it holds rank r, else the guaranteed one,
 *    else (−∞, b].
 * 3. The values between a and b (a few hundred at most, in practice) are sorted, and the
 *    one of rank r − #(≤ a) is it.
 *
 * A group held in one cell (a whole month) is read by subscript. The cost grows with n/s
 * and the number of cells, not with n log n; the answer is the same to the last bit.
 */
export async function readDurationPercentiles(run: SqlRunner, scope: AnalyticsScope, agencyRole: AgencyRole): Promise<PercentileRow[]> {
  if (narrowerThanPartnerships(scope)) return readNarrowedPercentiles(run, scope, agencyRole);
  const params = new SqlParams();
  const agencyKind = agencyRole === 'raising' ? KIND.raising : KIND.receiving;
  const cells = cellsSql(scope, params, agencyKind);
  const s = PIVOT_SPACING;
  const rows = await run<Record<string, unknown>>(
    `WITH cell AS MATERIALIZED (
       SELECT row_number() OVER () AS cid, c.* FROM (${cells}) c
     ),
     member AS MATERIALIZED (
       SELECT x.*, dense_rank() OVER (ORDER BY x.breakdown, x.measure, x.report_unit, x.rule_code, x.limit_unit, x.stage_code, x.tier, x.agency_id, x.month) AS gid
       FROM (
         SELECT cid, CASE kind WHEN ${KIND.overall} THEN 'overall' WHEN ${KIND.rule} THEN 'rule' WHEN ${KIND.stage} THEN 'stage'
                               WHEN ${KIND.tier} THEN 'tier' ELSE 'agency' END AS breakdown,
                measure, report_unit, rule_code, limit_unit, stage_code, tier, agency_id, NULL::date AS month, n
         FROM cell
         UNION ALL
         SELECT cid, 'month', measure, report_unit, '', '', '', 0::smallint, 0::bigint, raised_month, n FROM cell WHERE kind = ${KIND.overall}
       ) x
     ),
     grp AS MATERIALIZED (
       SELECT gid, breakdown, measure, report_unit, rule_code, limit_unit, stage_code, tier, agency_id, month,
              sum(n)::bigint AS total, count(*)::int AS m
       FROM member GROUP BY gid, breakdown, measure, report_unit, rule_code, limit_unit, stage_code, tier, agency_id, month
     ),
     pct AS MATERIALIZED (
       SELECT g.*, p.p, p.p * (g.total - 1)::float8 AS pos FROM grp g CROSS JOIN (VALUES (0.5::float8), (0.9::float8)) AS p (p)
     ),
     need AS MATERIALIZED (
       SELECT DISTINCT pct.gid, pct.m, x.r FROM pct CROSS JOIN LATERAL (VALUES (floor(pct.pos)::bigint + 1), (ceil(pct.pos)::bigint + 1)) AS x (r)
     ),
     single AS (
       SELECT need.gid, need.r, c.vals[need.r::int] AS v
       FROM need JOIN member mb ON mb.gid = need.gid JOIN cell c ON c.cid = mb.cid
       WHERE need.m = 1
     ),
     pivots AS MATERIALIZED (
       SELECT mb.gid, array_agg(p.v ORDER BY p.v) AS piv
       FROM member mb JOIN grp g ON g.gid = mb.gid JOIN cell c ON c.cid = mb.cid CROSS JOIN LATERAL unnest(c.pivots) AS p (v)
       WHERE g.m > 1
       GROUP BY mb.gid
     ),
     bracket AS MATERIALIZED (
       SELECT need.gid, need.r,
              pv.piv[b.centre - b.margin] AS tight_low, pv.piv[b.centre + 1 + b.margin] AS tight_high,
              pv.piv[floor((need.r - 1 - need.m * ${s - 1})::float8 / ${s})::int] AS sure_low, pv.piv[ceil(need.r::float8 / ${s})::int] AS sure_high
       FROM need
       LEFT JOIN pivots pv ON pv.gid = need.gid
       CROSS JOIN LATERAL (SELECT floor((need.r - need.m * ${(s - 1) / 2})::float8 / ${s})::int AS centre,
                                  ceil(2 * sqrt(need.m / 12.0))::int + 1 AS margin) AS b
       WHERE need.m > 1
     ),
     counted AS MATERIALIZED (
       SELECT br.gid, br.r, mb.cid,
              CASE WHEN br.tight_low IS NULL THEN 0 ELSE width_bucket(br.tight_low, c.vals) END AS tight_lo,
              CASE WHEN br.tight_high IS NULL THEN c.n ELSE width_bucket(br.tight_high, c.vals) END AS tight_hi,
              CASE WHEN br.sure_low IS NULL THEN 0 ELSE width_bucket(br.sure_low, c.vals) END AS sure_lo,
              CASE WHEN br.sure_high IS NULL THEN c.n ELSE width_bucket(br.sure_high, c.vals) END AS sure_hi
       FROM bracket br JOIN member mb ON mb.gid = br.gid JOIN cell c ON c.cid = mb.cid
     ),
     chosen AS MATERIALIZED (
       SELECT x.gid, x.r, x.cid, x.lo, x.hi, sum(x.lo) OVER (PARTITION BY x.gid, x.r) AS below
       FROM (
         SELECT k.gid, k.r, k.cid,
                CASE WHEN k.tight THEN k.tight_lo WHEN k.sure THEN k.sure_lo ELSE 0 END AS lo,
                CASE WHEN k.tight THEN k.tight_hi ELSE k.sure_hi END AS hi
         FROM (
           SELECT counted.*,
                  sum(tight_lo) OVER w < r AND sum(tight_hi) OVER w >= r AS tight,
                  sum(sure_lo) OVER w < r AS sure
           FROM counted WINDOW w AS (PARTITION BY gid, r)
         ) k
       ) x
     ),
     multi AS (
       SELECT z.gid, z.r, z.v FROM (
         SELECT ch.gid, ch.r, ch.below, v.v, row_number() OVER (PARTITION BY ch.gid, ch.r ORDER BY v.v) AS rank
         FROM chosen ch JOIN cell c ON c.cid = ch.cid CROSS JOIN LATERAL unnest(c.vals[ch.lo + 1 : ch.hi]) AS v (v)
         WHERE ch.hi > ch.lo
       ) z
       WHERE z.rank = z.r - z.below
     ),
     picked AS (SELECT * FROM single UNION ALL SELECT * FROM multi)
     SELECT pct.breakdown, pct.measure, pct.report_unit, pct.rule_code, pct.limit_unit, pct.stage_code, pct.tier::int AS tier,
            pct.agency_id::text AS agency_id, pct.month::text AS month, pct.total, pct.p,
            lo.v + (hi.v - lo.v) * (pct.pos - floor(pct.pos)) AS value
     FROM pct
     JOIN picked lo ON lo.gid = pct.gid AND lo.r = floor(pct.pos)::bigint + 1
     JOIN picked hi ON hi.gid = pct.gid AND hi.r = ceil(pct.pos)::bigint + 1`,
    params,
  );
  return percentileRows(rows);
}

/**
 * With a filter by agency, category or urgency, which the cells do not hold, the cohort's
 * outcomes are read anyway: then PostgreSQL's own percentile_cont over them, every
 * breakdown in one pass (grouping sets), costs less than making cells of them first.
 * Same rows as the cells' query.
 */
async function readNarrowedPercentiles(run: SqlRunner, scope: AnalyticsScope, agencyRole: AgencyRole): Promise<PercentileRow[]> {
  const params = new SqlParams();
  const agency = agencyRole === 'raising' ? 'o.raising_agency_id' : 'o.receiving_agency_id';
  const within = `o.raised_at >= ${localMidnight(params, scope.period.from)} AND o.raised_at < ${localMidnight(params, scope.period.to)}`;
  const rows = await run<Record<string, unknown>>(
    `SELECT g.breakdown, g.measure, g.report_unit, g.rule_code, g.limit_unit, g.stage_code, g.tier, g.agency_id, g.month, g.total, x.p, x.value
     FROM (
       SELECT CASE WHEN grouping(o.rule_code) = 0 THEN 'rule' WHEN grouping(o.stage_code) = 0 THEN 'stage'
                   WHEN grouping(o.tier) = 0 THEN 'tier' WHEN grouping(${agency}) = 0 THEN 'agency'
                   WHEN grouping(o.raised_month) = 0 THEN 'month' ELSE 'overall' END AS breakdown,
              m.measure, CASE o.limit_unit WHEN 'same_working_day' THEN 'working_days' ELSE o.limit_unit END AS report_unit,
              CASE WHEN grouping(o.rule_code) = 0 THEN o.rule_code ELSE '' END AS rule_code,
              CASE WHEN grouping(o.rule_code) = 0 THEN o.limit_unit ELSE '' END AS limit_unit,
              CASE WHEN grouping(o.stage_code) = 0 THEN o.stage_code ELSE '' END AS stage_code,
              CASE WHEN grouping(o.tier) = 0 THEN o.tier::int ELSE 0 END AS tier,
              CASE WHEN grouping(${agency}) = 0 THEN ${agency}::text ELSE '0' END AS agency_id,
              CASE WHEN grouping(o.raised_month) = 0 THEN o.raised_month::text END AS month,
              count(*)::bigint AS total,
              percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY m.v) AS pct
       FROM analytics_outcome o
       CROSS JOIN LATERAL (VALUES ('taken', o.elapsed, o.status IN ('met', 'breached')),
                                  ('late', o.lateness, o.status IN ('breached', 'overdue'))) AS m (measure, v, counted)
       WHERE ${[...dimensionConditions('o', scope, params), within].join(' AND ')} AND m.counted AND m.v IS NOT NULL
       GROUP BY m.measure, CASE o.limit_unit WHEN 'same_working_day' THEN 'working_days' ELSE o.limit_unit END, GROUPING SETS ((), (o.rule_code, o.limit_unit, o.stage_code, o.tier), (o.stage_code, o.tier), (o.tier),
                                                     (${agency}), (o.raised_month))
     ) g
     CROSS JOIN LATERAL unnest(ARRAY[0.5, 0.9]::float8[], g.pct) AS x (p, value)`,
    params,
  );
  return percentileRows(rows);
}

/** Rows of the query, two (median and p90) per group and measure, as one PercentileRow each. */
function percentileRows(rows: readonly Record<string, unknown>[]): PercentileRow[] {
  const byGroup = new Map<string, { row: Record<string, unknown>; median?: number; p90?: number }>();
  for (const row of rows) {
    const id = ['breakdown', 'measure', 'report_unit', 'rule_code', 'limit_unit', 'stage_code', 'tier', 'agency_id', 'month'].map((k) => String(row[k])).join('|');
    const entry = byGroup.get(id) ?? { row };
    if (Number(row['p']) === 0.5) entry.median = Number(row['value']);
    else entry.p90 = Number(row['value']);
    byGroup.set(id, entry);
  }
  return [...byGroup.values()].map(({ row, median, p90 }) => {
    const breakdown = row['breakdown'] as DurationBreakdown;
    const text = (key: string) => (row[key] === '' || row[key] === null ? null : String(row[key]));
    return {
      breakdown,
      ruleCode: text('rule_code'),
      unit: text('limit_unit'),
      stageCode: text('stage_code'),
      tier: breakdown === 'rule' || breakdown === 'stage' || breakdown === 'tier' ? Number(row['tier']) : null,
      agencyId: breakdown === 'agency' ? String(row['agency_id']) : null,
      month: text('month'),
      reportUnit: String(row['report_unit']),
      measure: row['measure'] as Measure,
      count: Number(row['total']),
      median: median!,
      p90: p90!,
    };
  });
}

/**
 * The cells of the scope's cohort: stored ones for the months wholly inside the period
 * (when the filter is no narrower than partnerships), made from the outcome rows for the
 * rest. Columns: kind, measure, report_unit, rule_code, limit_unit, stage_code, tier,
 * agency_id, raised_month, n, pivots, vals.
 */
function cellsSql(scope: AnalyticsScope, params: SqlParams, agencyKind: number): string {
  const whole = narrowerThanPartnerships(scope) ? null : wholeMonths(scope.period);
  const kinds = [KIND.overall, KIND.rule, KIND.stage, KIND.tier, agencyKind];
  const made = (ranges: readonly Period[]) => madeCellsSql(scope, params, kinds, ranges);
  if (whole === null) return made([scope.period])!;
  // `vals || '{}'` detoasts each array once here, rather than at every use below.
  const stored = `SELECT kind, measure, report_unit, rule_code, limit_unit, stage_code, tier, agency_id, raised_month, n, pivots,
                         vals || '{}'::float8[] AS vals
                  FROM analytics_duration_cell
                  WHERE partnership_id = ANY(${params.add(scope.partnershipIds, 'bigint[]')})
                    AND raised_month >= ${params.add(whole.from, 'date')} AND raised_month < ${params.add(whole.to, 'date')}
                    AND kind = ANY(${params.add(kinds, 'smallint[]')})`;
  const edges = made([{ from: scope.period.from, to: whole.from }, { from: whole.to, to: scope.period.to }]);
  return edges === null ? stored : `${stored}\n UNION ALL\n ${edges}`;
}

/** Cells made from the outcome rows raised within `ranges` (null when every range is empty), as the stored ones are kept. */
function madeCellsSql(scope: AnalyticsScope, params: SqlParams, kinds: readonly number[], ranges: readonly Period[]): string | null {
  const within = ranges
    .filter((range) => range.from < range.to)
    .map((range) => `(o.raised_at >= ${localMidnight(params, range.from)} AND o.raised_at < ${localMidnight(params, range.to)})`);
  if (within.length === 0) return null;
  return `SELECT c.kind, c.measure, c.report_unit, c.rule_code, c.limit_unit, c.stage_code, c.tier, c.agency_id, c.raised_month, c.n,
                 ARRAY(SELECT p.v FROM unnest(c.vals) WITH ORDINALITY AS p (v, i) WHERE p.i % ${PIVOT_SPACING} = 0 ORDER BY p.i) AS pivots, c.vals
          FROM (
            -- Grouped by hashing, each cell's values then sorted on their own: no sort of every value by the cell's key.
            SELECT g.kind, g.measure, g.report_unit, g.rule_code, g.limit_unit, g.stage_code, g.tier, g.agency_id, g.raised_month, g.n,
                   ARRAY(SELECT x FROM unnest(g.unsorted) AS x ORDER BY x) AS vals
            FROM (
            SELECT k.kind, m.measure, CASE o.limit_unit WHEN 'same_working_day' THEN 'working_days' ELSE o.limit_unit END AS report_unit,
                   k.rule_code, k.limit_unit, k.stage_code, k.tier, k.agency_id, o.raised_month, count(*)::int AS n, array_agg(m.v) AS unsorted
            FROM analytics_outcome o
            CROSS JOIN LATERAL (VALUES ('taken', o.elapsed, o.status IN ('met', 'breached')),
                                       ('late', o.lateness, o.status IN ('breached', 'overdue'))) AS m (measure, v, counted)
            CROSS JOIN LATERAL (VALUES
              (${KIND.overall}::smallint, ''::text, ''::text, ''::text, 0::smallint, 0::bigint),
              (${KIND.rule}::smallint, o.rule_code, o.limit_unit, o.stage_code, o.tier, 0::bigint),
              (${KIND.stage}::smallint, '', '', o.stage_code, o.tier, 0::bigint),
              (${KIND.tier}::smallint, '', '', '', o.tier, 0::bigint),
              (${KIND.receiving}::smallint, '', '', '', 0::smallint, o.receiving_agency_id),
              (${KIND.raising}::smallint, '', '', '', 0::smallint, o.raising_agency_id)) AS k (kind, rule_code, limit_unit, stage_code, tier, agency_id)
            WHERE ${[...dimensionConditions('o', scope, params), `(${within.join(' OR ')})`].join(' AND ')}
              AND m.counted AND m.v IS NOT NULL AND k.kind = ANY(${params.add(kinds, 'smallint[]')})
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
            ) g
            OFFSET 0 -- each cell sorted once, not again for its pivots
          ) c`;
}
