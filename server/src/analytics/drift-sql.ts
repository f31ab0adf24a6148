import type { SqlRunner } from './analytics-reader.js';
import { cohortWhere, SqlParams, type AnalyticsScope } from './cohort-sql.js';

/** Age buckets of open escalations, in days: [min, max). */
export const AGE_BUCKETS: readonly { label: string; min: number; max: number | null }[] = [
  { label: 'Under 1 week', min: 0, max: 7 },
  { label: '1 to 4 weeks', min: 7, max: 28 },
  { label: '4 weeks to 3 months', min: 28, max: 91 },
  { label: '3 to 6 months', min: 91, max: 182 },
  { label: '6 months to 1 year', min: 182, max: 365 },
  { label: '1 year or more', min: 365, max: null },
];

/** Open escalations of the cohort per age bucket (age = now − raised_at, in days of 24 hours). */
export async function readOpenByAge(run: SqlRunner, scope: AnalyticsScope, now: Date): Promise<number[]> {
  const params = new SqlParams();
  const at = params.add(now.toISOString(), 'timestamptz');
  const bounds = params.add(AGE_BUCKETS.map((b) => b.min), 'float8[]');
  const rows = await run<{ bucket: number; escalations: number }>(
    `SELECT width_bucket(extract(epoch FROM ${at} - e.raised_at)::float8 / 86400, ${bounds}) AS bucket, count(*)::int AS escalations
     FROM escalation e WHERE ${cohortWhere('e', scope, params)} AND e.status = 'open'
     GROUP BY 1`,
    params,
  );
  // width_bucket gives 0 below the first bound (raised after now): counted in the first bucket.
  const counts = AGE_BUCKETS.map(() => 0);
  for (const row of rows) counts[Math.max(0, row.bucket - 1)]! += row.escalations;
  return counts;
}

export interface StageCountRow {
  readonly protocolId: string;
  readonly stageCode: string;
  readonly stageName: string;
  readonly tier: number;
  readonly ladderOrder: number;
  readonly escalations: number;
}

export async function readOpenByStage(run: SqlRunner, scope: AnalyticsScope): Promise<StageCountRow[]> {
  const params = new SqlParams();
  const rows = await run<{ protocol_id: string; code: string; name: string; tier: number; ladder_order: number; escalations: number }>(
    `SELECT e.protocol_id::text, st.code, st.name, st.tier::int AS tier, st.ladder_order, count(*)::int AS escalations
     FROM escalation e
     JOIN protocol_stage st ON st.partnership_id = e.partnership_id AND st.protocol_id = e.protocol_id AND st.code = e.current_stage_code
     WHERE ${cohortWhere('e', scope, params)} AND e.status = 'open'
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, st.ladder_order`,
    params,
  );
  return rows.map((r) => ({ protocolId: r.protocol_id, stageCode: r.code, stageName: r.name, tier: r.tier, ladderOrder: r.ladder_order, escalations: r.escalations }));
}

export interface OverdueRow {
  readonly partnershipId: string;
  readonly jurisdiction: string;
  readonly escalationId: string;
  readonly reference: string;
  readonly ruleCode: string;
  readonly ruleName: string;
  readonly stageCode: string;
  readonly limitUnit: string;
  readonly deadline: Date;
  readonly overdueDays: number;
}

/**
 * Timescales overdue now: counted (pending or overdue as last evaluated) with a deadline
 * before now — a pending clock whose deadline has passed since its evaluation is overdue
 * already. Totals, and the oldest deadlines first.
 */
export async function readOverdueNow(run: SqlRunner, scope: AnalyticsScope, now: Date, limit: number): Promise<{
  timescales: number; escalations: number; rows: OverdueRow[];
}> {
  const params = new SqlParams();
  const at = params.add(now.toISOString(), 'timestamptz');
  const where = `${cohortWhere('o', scope, params, { hasStatus: false })} AND o.status IN ('pending', 'overdue') AND o.deadline < ${at}`;
  const [totals] = await run<{ timescales: number; escalations: number }>(
    `SELECT count(*)::int AS timescales, count(DISTINCT (o.partnership_id, o.escalation_id))::int AS escalations
     FROM analytics_outcome o WHERE ${where}`,
    params,
  );
  const listed = await run<Record<string, unknown>>(
    `SELECT o.partnership_id::text, p.jurisdiction, o.escalation_id::text, x.reference, o.rule_code, r.name AS rule_name, o.stage_code,
            o.limit_unit, o.deadline, extract(epoch FROM ${at} - o.deadline)::float8 / 86400 AS overdue_days
     FROM analytics_outcome o
     JOIN escalation x ON x.partnership_id = o.partnership_id AND x.id = o.escalation_id
     JOIN partnership p ON p.id = o.partnership_id
     JOIN timescale_rule r ON r.partnership_id = o.partnership_id AND r.protocol_id = o.protocol_id AND r.code = o.rule_code
     WHERE ${where}
     ORDER BY o.deadline, o.partnership_id, o.escalation_id, o.rule_code
     LIMIT ${params.add(limit, 'int')}`,
    params,
  );
  return {
    timescales: totals!.timescales,
    escalations: totals!.escalations,
    rows: listed.map((r) => ({
      partnershipId: String(r['partnership_id']),
      jurisdiction: String(r['jurisdiction']),
      escalationId: String(r['escalation_id']),
      reference: String(r['reference']),
      ruleCode: String(r['rule_code']),
      ruleName: String(r['rule_name']),
      stageCode: String(r['stage_code']),
      limitUnit: String(r['limit_unit']),
      deadline: new Date(r['deadline'] as string),
      overdueDays: Number(r['overdue_days']),
    })),
  };
}
