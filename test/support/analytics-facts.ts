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
