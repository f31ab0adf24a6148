import { PIVOT_SPACING } from '@escalation-insights/server';
import type pg from 'pg';

const MONTH = `date_trunc('month', e.raised_at AT TIME ZONE 'Europe/London')::date`;

/** The escalation rows as the analytics should hold them, recomputed from the domain tables. */
const FRESH_ESCALATIONS = `
  SELECT e.partnership_id, e.id AS escalation_id, e.protocol_id, e.raised_at, ${MONTH} AS raised_month, e.raising_agency_id,
         e.receiving_agency_id, e.category_code, e.urgency, e.status, e.highest_tier, e.highest_stage_order, e.resolved_tier,
         coalesce((SELECT bit_or(1::bigint << (s.ladder_order - 1)) FROM stage_entry s
                   WHERE s.partnership_id = e.partnership_id AND s.escalation_id = e.id), 0) AS entered_mask, e.closed_at
  FROM escalation e`;
const FRESH_OUTCOMES = `
  SELECT o.partnership_id, o.escalation_id, o.rule_code, o.protocol_id, o.stage_code, o.tier, o.limit_unit, o.status, o.deadline,
         o.elapsed, o.lateness, e.raised_at, ${MONTH} AS raised_month, e.raising_agency_id, e.receiving_agency_id, e.category_code, e.urgency
  FROM timescale_outcome o JOIN escalation e ON e.partnership_id = o.partnership_id AND e.id = o.escalation_id
  WHERE o.status <> 'not_applicable' AND e.status <> 'out_of_scope'`;

const dim = (bit: number, column: string) => `CASE WHEN s.mask & ${bit} <> 0 THEN d.${column} END`;
const ESCALATION_MONTH = `
  SELECT s.mask, d.partnership_id, d.raised_month, ${dim(1, 'protocol_id')}, ${dim(2, 'urgency')}, ${dim(4, 'status')}, ${dim(8, 'highest_tier')},
         ${dim(16, 'highest_stage_order')}, ${dim(32, 'resolved_tier')}, ${dim(64, 'entered_mask')}, ${dim(128, 'raising_agency_id')},
         ${dim(256, 'receiving_agency_id')}, ${dim(512, 'category_code')}, count(*)::int
  FROM (${FRESH_ESCALATIONS}) d JOIN analytics_grouping_set s ON s.fact = 'escalation' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13`;
const STORED_ESCALATION_MONTH = `
  SELECT grouping_set, partnership_id, raised_month, protocol_id, urgency, status, highest_tier, highest_stage_order, resolved_tier,
         entered_mask, raising_agency_id, receiving_agency_id, category_code, escalations FROM analytics_escalation_month`;
const OUTCOME_MONTH = `
  SELECT s.mask, d.partnership_id, d.raised_month, ${dim(2, 'urgency')}, ${dim(4, 'status')}, ${dim(128, 'raising_agency_id')},
         ${dim(256, 'receiving_agency_id')}, ${dim(512, 'category_code')}, count(*)::int
  FROM (${FRESH_OUTCOMES}) d JOIN analytics_grouping_set s ON s.fact = 'outcome' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
const STORED_OUTCOME_MONTH = `
  SELECT grouping_set, partnership_id, raised_month, urgency, status, raising_agency_id, receiving_agency_id, category_code, outcomes
  FROM analytics_outcome_month`;

const symmetricDifference = (a: string, b: string) => `SELECT count(*)::int FROM (((${a}) EXCEPT ALL (${b})) UNION ALL ((${b}) EXCEPT ALL (${a}))) x`;

/** Rows by which each analytics table differs from a recomputation from scratch (all zero when the triggers kept them right). */
export async function analyticsDrift(client: pg.ClientBase): Promise<Record<string, number>> {
  const count = async (sql: string) => (await client.query<{ count: number }>(sql)).rows[0]!.count;
  return {
    analytics_escalation: await count(symmetricDifference(FRESH_ESCALATIONS, 'SELECT * FROM analytics_escalation')),
    analytics_outcome: await count(symmetricDifference(FRESH_OUTCOMES, 'SELECT * FROM analytics_outcome')),
    analytics_escalation_month: await count(symmetricDifference(ESCALATION_MONTH, STORED_ESCALATION_MONTH)),
    analytics_outcome_month: await count(symmetricDifference(OUTCOME_MONTH, STORED_OUTCOME_MONTH)),
  };
}

/** The rule counts (migration 1764253000000) as they should be, from the outcome facts. */
const RULE_MONTH = `
  SELECT s.mask, d.partnership_id, d.raised_month, d.rule_code, d.limit_unit, d.stage_code, d.tier, d.status, ${dim(2, 'urgency')},
         ${dim(128, 'raising_agency_id')}, ${dim(256, 'receiving_agency_id')}, ${dim(512, 'category_code')}, count(*)::int
  FROM (${FRESH_OUTCOMES}) d JOIN analytics_grouping_set s ON s.fact = 'rule' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`;
const STORED_RULE_MONTH = `
  SELECT grouping_set, partnership_id, raised_month, rule_code, limit_unit, stage_code, tier, status, urgency, raising_agency_id,
         receiving_agency_id, category_code, outcomes
  FROM analytics_rule_month`;

/** Every duration cell as it should be: per month, breakdown group, report unit and measure, the sorted values. */
const DURATION_CELLS = `
  SELECT d.partnership_id, d.raised_month, k.kind, m.measure, CASE d.limit_unit WHEN 'same_working_day' THEN 'working_days' ELSE d.limit_unit END,
         k.rule_code, k.limit_unit, k.stage_code, k.tier, k.agency_id, count(*)::int, array_agg(m.v ORDER BY m.v)
  FROM (${FRESH_OUTCOMES}) d
  CROSS JOIN LATERAL (VALUES ('taken', d.elapsed, d.status IN ('met', 'breached')), ('late', d.lateness, d.status IN ('breached', 'overdue'))) m (measure, v, counted)
  CROSS JOIN LATERAL (VALUES (1::smallint, ''::text, ''::text, ''::text, 0::smallint, 0::bigint), (2::smallint, d.rule_code, d.limit_unit, d.stage_code, d.tier, 0::bigint),
    (3::smallint, '', '', d.stage_code, d.tier, 0::bigint), (4::smallint, '', '', '', d.tier, 0::bigint),
    (5::smallint, '', '', '', 0::smallint, d.receiving_agency_id), (6::smallint, '', '', '', 0::smallint, d.raising_agency_id)) k (kind, rule_code, limit_unit, stage_code, tier, agency_id)
  WHERE m.counted AND m.v IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
const STORED_DURATION_CELLS = `
  SELECT partnership_id, raised_month, kind, measure, report_unit, rule_code, limit_unit, stage_code, tier, agency_id, n, vals FROM analytics_duration_cell`;

/** Each pair's weeks (7-day blocks from Monday 5 January 1970, UTC) as they should be: in-scope escalations, first and last instants. */
const THEME_WEEKS = `
  SELECT e.partnership_id, e.category_code, e.receiving_agency_id, floor((extract(epoch FROM e.raised_at) - 345600) / 604800)::int,
         count(*)::int, min(e.raised_at), max(e.raised_at)
  FROM (${FRESH_ESCALATIONS}) e WHERE e.status <> 'out_of_scope' GROUP BY 1, 2, 3, 4`;

/** Closed in-scope escalations per month, highest tier, resolved or not, and days to closure. */
const CLOSURES = `
  SELECT e.partnership_id, e.raised_month, e.highest_tier, e.status = 'resolved',
         greatest(extract(epoch FROM e.closed_at - e.raised_at)::float8 / 86400, 0), count(*)::int
  FROM (${FRESH_ESCALATIONS}) e WHERE e.status IN ('resolved', 'withdrawn') GROUP BY 1, 2, 3, 4, 5`;

/**
 * Rows by which the aggregates of migration 1764253000000 differ from a recomputation from
 * scratch, cells whose pivots are not every PIVOT_SPACING-th value (the spacing the server
 * reads them with), and escalations still waiting for a bulk load's flush (all zero when the
 * facts were kept right).
 */
export async function aggregateDrift(client: pg.ClientBase): Promise<Record<string, number>> {
  const count = async (sql: string) => (await client.query<{ count: number }>(sql)).rows[0]!.count;
  return {
    analytics_rule_month: await count(symmetricDifference(RULE_MONTH, STORED_RULE_MONTH)),
    analytics_duration_cell: await count(symmetricDifference(DURATION_CELLS, STORED_DURATION_CELLS)),
    misplaced_pivots: await count(`SELECT count(*)::int FROM analytics_duration_cell
      WHERE pivots IS DISTINCT FROM ARRAY(SELECT p.v FROM unnest(vals) WITH ORDINALITY AS p (v, i) WHERE p.i % ${PIVOT_SPACING} = 0 ORDER BY p.i)`),
    analytics_theme_week: await count(symmetricDifference(THEME_WEEKS, 'SELECT * FROM analytics_theme_week')),
    analytics_closure_month: await count(symmetricDifference(CLOSURES, 'SELECT * FROM analytics_closure_month')),
    pending: await count(`SELECT count(*)::int FROM analytics_pending_sync`),
  };
}
