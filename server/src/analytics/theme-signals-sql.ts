import type { SqlRunner } from './analytics-reader.js';
import { cohortWhere, dimensionConditions, localMidnight, SqlParams, type AnalyticsScope } from './cohort-sql.js';

export interface SignalRow {
  readonly partnershipId: string;
  readonly categoryCode: string;
  readonly categoryLabel: string | null;
  readonly receivingAgencyId: string;
  readonly receivingAgencyName: string | null;
  readonly escalationCount: number;
  readonly firstRaisedAt: Date;
  readonly lastRaisedAt: Date;
  readonly windows: readonly { start: Date; end: Date; escalations: number }[];
  readonly escalations: readonly { id: string; reference: string; raisedAt: Date }[];
}

const PAIR = 'partnership_id, category_code, receiving_agency_id';
const PAIR_OF = (alias: string) => PAIR.split(', ').map((c) => `${alias}.${c}`).join(', ');
const SAME_PAIR = (a: string, b: string) => PAIR.split(', ').map((c) => `${a}.${c} = ${b}.${c}`).join(' AND ');

/** Weeks as analytics_theme_week counts them (migration 1764253000000): 7-day blocks from Monday 5 January 1970, UTC. */
const WEEK_EPOCH = 345_600;
const WEEK_SECONDS = 604_800;
const weekStart = (week: string) => `to_timestamp(${WEEK_EPOCH} + (${week})::float8 * ${WEEK_SECONDS})`;

/**
 * Theme signals of the scope's partnerships with one N and W, in SQL. For each
 * (partnership, category, receiving agency) pair, escalations ordered by raised_at:
 * - a qualifying window starts at escalation i when at least N escalations (i itself and
 *   ties included) are raised in [t_i, t_i + W days) — any window holding N can be slid to
 *   start at its first escalation, so these are all there is to find;
 * - escalation k belongs to the signal when some qualifying window [t_i, t_i + W) with
 *   t_i ≤ t_k holds it, i.e. t_k < max(t_i + W) over qualifying i up to k;
 * - qualifying windows that overlap are merged: a window starting at or after the end of
 *   every earlier one starts a new merged window (an "island").
 * A day is 24 hours; the frame's end is W days less 1 µs, the resolution of timestamptz.
 *
 * The answer is read from the pairs' weekly counts where they settle it (readThemeSignalsFromWeeks), and
 * from the escalations one by one when the filter narrows by raising agency or urgency (which
 * the weekly counts do not hold) or W is under two weeks (readThemeSignalsFromRows). Both give the same.
 */
export async function readThemeSignals(
  run: SqlRunner,
  scope: AnalyticsScope,
  minCount: number,
  windowDays: number,
  escalationLimit: number,
): Promise<SignalRow[]> {
  const weeksSettle = scope.raisingAgencyIds === null && scope.urgencies === null && fullWeeksInWindow(windowDays) >= 1;
  return weeksSettle
    ? readThemeSignalsFromWeeks(run, scope, minCount, windowDays, escalationLimit)
    : readThemeSignalsFromRows(run, scope, minCount, windowDays, escalationLimit);
}

/** Whole weeks certainly inside any window [t, t + W days) that starts in a week: those after t's own. */
function fullWeeksInWindow(windowDays: number): number {
  return Math.floor(windowDays / 7) - 1;
}

/** The rule above, escalation by escalation over the cohort, in one sort of it by (pair, raised_at). */
export async function readThemeSignalsFromRows(run: SqlRunner, scope: AnalyticsScope, minCount: number, windowDays: number, escalationLimit: number): Promise<SignalRow[]> {
  const params = new SqlParams();
  const where = cohortWhere('a', scope, params);
  const n = params.add(minCount, 'int');
  const w = params.add(`${windowDays * 24} hours`, 'interval');
  const frame = params.add(`${windowDays * 24} hours -1 microsecond`, 'interval');
  const limit = params.add(escalationLimit, 'int');
  // One sort of the cohort by (pair, raised_at); every window below keeps that order (ties by id, for a stable position).
  const rows = await run<Record<string, unknown>>(
    `WITH covered AS MATERIALIZED (
       SELECT c.*,
              c.raised_at < c.covered_until AS member,
              count(*) FILTER (WHERE c.qualifying AND (c.reach_before IS NULL OR c.raised_at >= c.reach_before))
                OVER (PARTITION BY ${PAIR} ORDER BY c.raised_at, c.escalation_id ROWS UNBOUNDED PRECEDING) AS island,
              count(*) FILTER (WHERE c.raised_at < c.covered_until)
                OVER (PARTITION BY ${PAIR} ORDER BY c.raised_at, c.escalation_id ROWS UNBOUNDED PRECEDING) AS position
       FROM (
         SELECT b.*,
                max(CASE WHEN b.qualifying THEN b.raised_at + ${w} END)
                  OVER (PARTITION BY ${PAIR} ORDER BY b.raised_at RANGE UNBOUNDED PRECEDING) AS covered_until,
                max(CASE WHEN b.qualifying THEN b.raised_at + ${w} END)
                  OVER (PARTITION BY ${PAIR} ORDER BY b.raised_at, b.escalation_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach_before
         FROM (
           SELECT a.partnership_id, a.escalation_id, a.category_code, a.receiving_agency_id, a.raised_at,
                  count(*) OVER (PARTITION BY ${PAIR} ORDER BY a.raised_at RANGE BETWEEN CURRENT ROW AND ${frame} FOLLOWING) >= ${n} AS qualifying
           FROM analytics_escalation a WHERE ${where}
         ) b
       ) c
     ),
     signals AS MATERIALIZED (
       SELECT ${PAIR}, count(*)::int AS escalation_count, min(raised_at) AS first_raised_at, max(raised_at) AS last_raised_at
       FROM covered WHERE member GROUP BY ${PAIR}
     ),
     windows AS MATERIALIZED (
       SELECT ${PAIR}, json_agg(json_build_object('start', start, 'end', finish, 'escalations', escalations) ORDER BY start) AS windows
       FROM (
         SELECT ${PAIR}, island, min(raised_at) FILTER (WHERE qualifying) AS start, max(raised_at + ${w}) FILTER (WHERE qualifying) AS finish,
                count(*) FILTER (WHERE member)::int AS escalations
         FROM covered WHERE island > 0 GROUP BY ${PAIR}, island HAVING bool_or(qualifying)
       ) i
       GROUP BY ${PAIR}
     ),
     members AS (SELECT ${PAIR}, escalation_id, raised_at FROM covered WHERE member AND position <= ${limit})
     ${answerSql()}`,
    params,
  );
  return signalRows(rows);
}

/**
 * The same answer from the pairs' weekly counts (analytics_theme_week), touching single
 * escalations only where those counts leave it open. Every escalation raised in a week
 * whose next k = ⌊W/7⌋ − 1 weeks (wholly inside any window starting in it) hold at least
 * N − 1 escalations qualifies: such a "settled" week is one unit — all of it members, its
 * first escalation the only one that may start an island (the others follow within a week,
 * less than W). Escalations of the other weeks are read one by one, with the W days after
 * their week, and their windows counted exactly. The rule is then applied over the units
 * in order of time, as readThemeSignalsFromRows applies it over escalations. The weeks cut by the
 * period's ends are counted from the escalations themselves.
 */
export async function readThemeSignalsFromWeeks(run: SqlRunner, scope: AnalyticsScope, minCount: number, windowDays: number, escalationLimit: number): Promise<SignalRow[]> {
  const params = new SqlParams();
  const from = localMidnight(params, scope.period.from);
  const to = localMidnight(params, scope.period.to);
  // Weeks wholly inside the period: first ≤ week < end.
  const firstWhole = `ceil((extract(epoch FROM ${from}) - ${WEEK_EPOCH}) / ${WEEK_SECONDS})::int`;
  const endWhole = `floor((extract(epoch FROM ${to}) - ${WEEK_EPOCH}) / ${WEEK_SECONDS})::int`;
  const pairConditions = (alias: string) => dimensionConditions(alias, scope, params).join(' AND ');
  const n = params.add(minCount, 'int');
  const w = params.add(`${windowDays * 24} hours`, 'interval');
  const frame = params.add(`${windowDays * 24} hours -1 microsecond`, 'interval');
  const k = params.add(fullWeeksInWindow(windowDays), 'int');
  const limit = params.add(escalationLimit, 'int');
  const cohortRow = (alias: string) => `${alias}.status <> 'out_of_scope' AND ${alias}.raised_at >= ${from} AND ${alias}.raised_at < ${to}`;
  const rows = await run<Record<string, unknown>>(
    `WITH bounds AS MATERIALIZED (SELECT ${firstWhole} AS first_whole, ${endWhole} AS end_whole),
     weeks AS MATERIALIZED (
       SELECT tw.partnership_id, tw.category_code, tw.receiving_agency_id, tw.week, tw.escalations AS n, tw.first_raised_at AS first_t, tw.last_raised_at AS last_t
       FROM analytics_theme_week tw, bounds b
       WHERE ${pairConditions('tw')} AND tw.week >= b.first_whole AND tw.week < b.end_whole
       UNION ALL
       SELECT ${PAIR_OF('a')}, analytics_week(a.raised_at), count(*)::int, min(a.raised_at), max(a.raised_at)
       FROM analytics_escalation a
       WHERE ${pairConditions('a')} AND ${cohortRow('a')}
         AND (a.raised_at < ${weekStart(firstWhole)} OR a.raised_at >= ${weekStart(endWhole)})
       GROUP BY 1, 2, 3, 4
     ),
     classified AS MATERIALIZED (
       SELECT x.*, 1 + coalesce(sum(x.n) OVER (PARTITION BY ${PAIR} ORDER BY x.week RANGE BETWEEN 1 FOLLOWING AND ${k} FOLLOWING), 0) >= ${n} AS settled
       FROM weeks x
     ),
     fetched AS MATERIALIZED (
       SELECT DISTINCT ${PAIR_OF('c')}, a.escalation_id, a.raised_at, analytics_week(a.raised_at) AS week
       FROM classified c
       CROSS JOIN LATERAL (
         SELECT a.escalation_id, a.raised_at FROM analytics_escalation a
         WHERE ${SAME_PAIR('a', 'c')} AND a.status <> 'out_of_scope'
           AND a.raised_at >= greatest(${weekStart('c.week')}, ${from}) AND a.raised_at < least(${weekStart('c.week + 1')} + ${w}, ${to})
         OFFSET 0 -- read per week through the pair index, however few weeks the planner expects
       ) a
       WHERE NOT c.settled
     ),
     units AS MATERIALIZED (
       SELECT ${PAIR}, first_t, last_t, n, true AS qualifying, NULL::bigint AS escalation_id, week FROM classified WHERE settled
       UNION ALL
       SELECT ${PAIR_OF('r')}, r.raised_at, r.raised_at, 1, r.qualifying, r.escalation_id, r.week
       FROM (
         SELECT f.*, count(*) OVER (PARTITION BY ${PAIR} ORDER BY f.raised_at RANGE BETWEEN CURRENT ROW AND ${frame} FOLLOWING) >= ${n} AS qualifying
         FROM fetched f
       ) r
       JOIN classified c ON ${SAME_PAIR('c', 'r')} AND c.week = r.week
       WHERE NOT c.settled
     ),
     covered AS MATERIALIZED (
       SELECT c.*,
              CASE WHEN c.qualifying OR c.first_t < c.covered_until THEN c.n ELSE 0 END AS members,
              count(*) FILTER (WHERE c.qualifying AND (c.reach_before IS NULL OR c.first_t >= c.reach_before))
                OVER (PARTITION BY ${PAIR} ORDER BY c.first_t, c.escalation_id NULLS FIRST ROWS UNBOUNDED PRECEDING) AS island,
              coalesce(sum(CASE WHEN c.qualifying OR c.first_t < c.covered_until THEN c.n ELSE 0 END)
                OVER (PARTITION BY ${PAIR} ORDER BY c.first_t, c.escalation_id NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
       FROM (
         SELECT u.*,
                max(CASE WHEN u.qualifying THEN u.last_t + ${w} END)
                  OVER (PARTITION BY ${PAIR} ORDER BY u.first_t RANGE UNBOUNDED PRECEDING) AS covered_until,
                max(CASE WHEN u.qualifying THEN u.last_t + ${w} END)
                  OVER (PARTITION BY ${PAIR} ORDER BY u.first_t, u.escalation_id NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach_before
         FROM units u
       ) c
     ),
     signals AS MATERIALIZED (
       SELECT ${PAIR}, sum(members)::int AS escalation_count, min(first_t) FILTER (WHERE members > 0) AS first_raised_at,
              max(last_t) FILTER (WHERE members > 0) AS last_raised_at
       FROM covered GROUP BY ${PAIR} HAVING sum(members) > 0
     ),
     windows AS MATERIALIZED (
       SELECT ${PAIR}, json_agg(json_build_object('start', start, 'end', finish, 'escalations', escalations) ORDER BY start) AS windows
       FROM (
         SELECT ${PAIR}, island, min(first_t) FILTER (WHERE qualifying) AS start, max(last_t + ${w}) FILTER (WHERE qualifying) AS finish,
                sum(members)::int AS escalations
         FROM covered WHERE island > 0 GROUP BY ${PAIR}, island HAVING bool_or(qualifying)
       ) i
       GROUP BY ${PAIR}
     ),
     members AS (
       SELECT ${PAIR}, escalation_id, first_t AS raised_at FROM covered WHERE escalation_id IS NOT NULL AND members > 0 AND before < ${limit}
       UNION ALL
       SELECT ${PAIR_OF('c')}, e.escalation_id, e.raised_at
       FROM covered c
       CROSS JOIN LATERAL (
         SELECT a.escalation_id, a.raised_at FROM analytics_escalation a
         WHERE ${SAME_PAIR('a', 'c')} AND a.raised_at >= greatest(${weekStart('c.week')}, ${from}) AND a.raised_at < least(${weekStart('c.week + 1')}, ${to})
           AND a.status <> 'out_of_scope'
         ORDER BY a.raised_at, a.escalation_id
         LIMIT ${limit} - c.before
       ) e
       WHERE c.escalation_id IS NULL AND c.before < ${limit}
     )
     ${answerSql()}`,
    params,
  );
  return signalRows(rows);
}

/** The answer from CTEs signals (pair, escalation_count, first/last_raised_at), windows (pair, windows) and members (pair, escalation_id, raised_at). */
function answerSql(): string {
  return `,
     listed AS MATERIALIZED (
       SELECT m.partnership_id, m.category_code, m.receiving_agency_id,
              json_agg(json_build_object('id', m.escalation_id::text, 'reference', x.reference, 'raisedAt', m.raised_at)
                       ORDER BY m.raised_at, m.escalation_id) AS escalations
       FROM members m JOIN escalation x ON x.partnership_id = m.partnership_id AND x.id = m.escalation_id
       GROUP BY 1, 2, 3
     )
     SELECT s.partnership_id::text, s.category_code, s.receiving_agency_id::text, s.escalation_count, s.first_raised_at, s.last_raised_at,
            w.windows, coalesce(l.escalations, '[]'::json) AS escalations, ag.name AS agency_name,
            (SELECT min(pc.label) FROM protocol_category pc WHERE pc.partnership_id = s.partnership_id AND pc.code = s.category_code) AS category_label
     FROM signals s
     JOIN windows w USING (${PAIR})
     LEFT JOIN listed l USING (${PAIR})
     LEFT JOIN agency ag ON ag.partnership_id = s.partnership_id AND ag.id = s.receiving_agency_id
     ORDER BY s.escalation_count DESC, s.last_raised_at DESC, s.partnership_id, s.category_code, s.receiving_agency_id`;
}

function signalRows(rows: readonly Record<string, unknown>[]): SignalRow[] {
  return rows.map((row) => ({
    partnershipId: String(row['partnership_id']),
    categoryCode: String(row['category_code']),
    categoryLabel: (row['category_label'] as string | null) ?? null,
    receivingAgencyId: String(row['receiving_agency_id']),
    receivingAgencyName: (row['agency_name'] as string | null) ?? null,
    escalationCount: Number(row['escalation_count']),
    firstRaisedAt: new Date(row['first_raised_at'] as string),
    lastRaisedAt: new Date(row['last_raised_at'] as string),
    windows: (row['windows'] as { start: string; end: string; escalations: number }[]).map((w) => ({
      start: new Date(w.start), end: new Date(w.end), escalations: Number(w.escalations),
    })),
    escalations: (row['escalations'] as { id: string; reference: string; raisedAt: string }[]).map((x) => ({
      id: x.id, reference: x.reference, raisedAt: new Date(x.raisedAt),
    })),
  }));
}
