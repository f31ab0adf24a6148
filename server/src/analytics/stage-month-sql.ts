import type { SqlRunner } from './analytics-reader.js';
import { SqlParams, type AnalyticsScope } from './cohort-sql.js';
import { ruleOutcomeCounts } from './cube-source.js';

/** The counted outcomes of one stage's rules, for escalations raised in one month. */
export interface StageMonthRow {
  readonly stageCode: string;
  readonly tier: number;
  /** First day of the month of raising, YYYY-MM-DD (Europe/London). */
  readonly month: string;
  readonly met: number;
  readonly breached: number;
  readonly overdue: number;
  readonly pending: number;
}

/**
 * Met, breached, overdue and pending outcomes of the cohort per stage (code and tier, as
 * breach statistics group stages) and month of raising, from the rule counts kept per month
 * (cube-source.ts), as the other breakdowns are. Only cells with an outcome are returned.
 */
export async function readStageMonths(run: SqlRunner, scope: AnalyticsScope): Promise<StageMonthRow[]> {
  const params = new SqlParams();
  const count = (status: string) => `coalesce(sum(c.outcomes) FILTER (WHERE c.status = '${status}'), 0)::int AS ${status}`;
  const rows = await run<Record<string, unknown>>(
    `SELECT c.stage_code, c.tier::int AS tier, c.raised_month::text AS month, ${['met', 'breached', 'overdue', 'pending'].map(count).join(', ')}
     FROM (${ruleOutcomeCounts(scope, params, { dims: [] })}) c
     GROUP BY c.stage_code, c.tier, c.raised_month
     HAVING sum(c.outcomes) > 0`,
    params,
  );
  return rows.map((row) => ({
    stageCode: String(row['stage_code']),
    tier: Number(row['tier']),
    month: String(row['month']),
    met: Number(row['met']),
    breached: Number(row['breached']),
    overdue: Number(row['overdue']),
    pending: Number(row['pending']),
  }));
}
