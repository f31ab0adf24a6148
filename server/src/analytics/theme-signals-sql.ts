import type { SqlRunner } from './analytics-reader.js';
import { cohortWhere, SqlParams, type AnalyticsScope } from './cohort-sql.js';

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
 */
export async function readThemeSignals(
  run: SqlRunner,
  scope: AnalyticsScope,
  minCount: number,
  windowDays: number,
  escalationLimit: number,
): Promise<SignalRow[]> {
  const params = new SqlParams();
  const where = cohortWhere('a', scope, params);
  const n = params.add(minCount, 'int');
  const w = params.add(`${windowDays * 24} hours`, 'interval');
  const frame = params.add(`${windowDays * 24} hours -1 microsecond`, 'interval');
  const limit = params.add(escalationLimit, 'int');
  const pair = 'partnership_id, category_code, receiving_agency_id';
  // One sort of the cohort by (pair, raised_at); every window below keeps that order.
  const rows = await run<Record<string, unknown>>(
    `WITH covered AS MATERIALIZED (
       SELECT c.*,
              c.raised_at < c.covered_until AS member,
              count(*) FILTER (WHERE c.qualifying AND (c.reach_before IS NULL OR c.raised_at >= c.reach_before))
                OVER (PARTITION BY ${pair} ORDER BY c.raised_at ROWS UNBOUNDED PRECEDING) AS island,
              count(*) FILTER (WHERE c.raised_at < c.covered_until)
                OVER (PARTITION BY ${pair} ORDER BY c.raised_at ROWS UNBOUNDED PRECEDING) AS position
       FROM (
         SELECT b.*,
                max(CASE WHEN b.qualifying THEN b.raised_at + ${w} END)
                  OVER (PARTITION BY ${pair} ORDER BY b.raised_at RANGE UNBOUNDED PRECEDING) AS covered_until,
                max(CASE WHEN b.qualifying THEN b.raised_at + ${w} END)
                  OVER (PARTITION BY ${pair} ORDER BY b.raised_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach_before
         FROM (
           SELECT a.partnership_id, a.escalation_id, a.category_code, a.receiving_agency_id, a.raised_at,
                  count(*) OVER (PARTITION BY ${pair} ORDER BY a.raised_at RANGE BETWEEN CURRENT ROW AND ${frame} FOLLOWING) >= ${n} AS qualifying
           FROM analytics_escalation a WHERE ${where}
         ) b
       ) c
     ),
     signals AS MATERIALIZED (
       SELECT ${pair}, count(*)::int AS escalation_count, min(raised_at) AS first_raised_at, max(raised_at) AS last_raised_at
       FROM covered WHERE member GROUP BY ${pair}
     ),
     windows AS MATERIALIZED (
       SELECT ${pair}, json_agg(json_build_object('start', start, 'end', finish, 'escalations', escalations) ORDER BY start) AS windows
       FROM (
         SELECT ${pair}, island, min(raised_at) FILTER (WHERE qualifying) AS start, max(raised_at + ${w}) FILTER (WHERE qualifying) AS finish,
                count(*) FILTER (WHERE member)::int AS escalations
         FROM covered WHERE island > 0 GROUP BY ${pair}, island HAVING bool_or(qualifying)
       ) i
       GROUP BY ${pair}
     ),
     listed AS MATERIALIZED (
       SELECT m.partnership_id, m.category_code, m.receiving_agency_id,
              json_agg(json_build_object('id', m.escalation_id::text, 'reference', x.reference, 'raisedAt', m.raised_at)
                       ORDER BY m.raised_at, m.escalation_id) AS escalations
       FROM covered m JOIN escalation x ON x.partnership_id = m.partnership_id AND x.id = m.escalation_id
       WHERE m.member AND m.position <= ${limit} GROUP BY 1, 2, 3
     )
     SELECT s.partnership_id::text, s.category_code, s.receiving_agency_id::text, s.escalation_count, s.first_raised_at, s.last_raised_at,
            w.windows, coalesce(l.escalations, '[]'::json) AS escalations, ag.name AS agency_name,
            (SELECT min(pc.label) FROM protocol_category pc WHERE pc.partnership_id = s.partnership_id AND pc.code = s.category_code) AS category_label
     FROM signals s
     JOIN windows w USING (${pair})
     LEFT JOIN listed l USING (${pair})
     LEFT JOIN agency ag ON ag.partnership_id = s.partnership_id AND ag.id = s.receiving_agency_id
     ORDER BY s.escalation_count DESC, s.last_raised_at DESC, s.partnership_id, s.category_code, s.receiving_agency_id`,
    params,
  );
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
