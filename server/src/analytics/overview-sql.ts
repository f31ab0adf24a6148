import type { SqlRunner } from './analytics-reader.js';
import { cohortWhere, SqlParams, type AnalyticsScope } from './cohort-sql.js';
import { escalationCounts, outcomeCounts } from './cube-source.js';
import type { Period } from './period.js';

/** One figure set of the overview for a period (month null) or one month of it. */
export interface OverviewRow {
  /** 0: the period; 1: the previous one. */
  readonly period: number;
  readonly month: string | null;
  readonly values: Readonly<Record<string, number>>;
}

function rows(result: Record<string, unknown>[], names: readonly string[]): OverviewRow[] {
  return result.map((row) => ({
    period: Number(row['period']),
    month: row['whole'] === 1 ? null : String(row['month']),
    values: Object.fromEntries(names.map((n) => [n, Number(row[n])])),
  }));
}

const BY_PERIOD_AND_MONTH = `GROUP BY GROUPING SETS ((c.period), (c.period, c.raised_month))`;
const SELECT_PERIOD_AND_MONTH = `c.period, c.raised_month::text AS month, GROUPING(c.raised_month)::int AS whole`;

/** Raised, still open, resolved at tier 1, reached tier 5 — per period and per month of raising. */
export async function readEscalationFigures(run: SqlRunner, scope: AnalyticsScope, periods: readonly Period[]): Promise<OverviewRow[]> {
  const params = new SqlParams();
  const sources = periods.map((period, i) =>
    `SELECT ${i} AS period, s.* FROM (${escalationCounts(scope, params, { dims: ['status', 'highestTier', 'resolvedTier'], period })}) s`);
  const sum = (condition: string) => `coalesce(sum(c.escalations) FILTER (WHERE ${condition}), 0)::int`;
  const result = await run<Record<string, unknown>>(
    `SELECT ${SELECT_PERIOD_AND_MONTH},
            coalesce(sum(c.escalations), 0)::int AS raised,
            ${sum(`c.status = 'open'`)} AS open,
            ${sum(`c.status = 'resolved' AND c.resolved_tier = 1`)} AS practice,
            ${sum(`c.highest_tier >= 5`)} AS top
     FROM (${sources.join(' UNION ALL ')}) c ${BY_PERIOD_AND_MONTH}`,
    params,
  );
  return rows(result, ['raised', 'open', 'practice', 'top']);
}

/** Timescale outcomes met, breached and overdue (as last evaluated) — per period and month of raising. */
export async function readComplianceFigures(run: SqlRunner, scope: AnalyticsScope, periods: readonly Period[]): Promise<OverviewRow[]> {
  const params = new SqlParams();
  const sources = periods.map((period, i) => `SELECT ${i} AS period, s.* FROM (${outcomeCounts(scope, params, { dims: ['status'], period })}) s`);
  const sum = (status: string) => `coalesce(sum(c.outcomes) FILTER (WHERE c.status = '${status}'), 0)::int AS ${status}`;
  const result = await run<Record<string, unknown>>(
    `SELECT ${SELECT_PERIOD_AND_MONTH}, ${sum('met')}, ${sum('breached')}, ${sum('overdue')}
     FROM (${sources.join(' UNION ALL ')}) c ${BY_PERIOD_AND_MONTH}`,
    params,
  );
  return rows(result, ['met', 'breached', 'overdue']);
}

/** Escalations with a timescale overdue now (pending or overdue, deadline before now) — per period and month of raising. */
export async function readOverdueFigures(run: SqlRunner, scope: AnalyticsScope, periods: readonly Period[], now: Date): Promise<OverviewRow[]> {
  const params = new SqlParams();
  const at = params.add(now.toISOString(), 'timestamptz');
  const sources = periods.map((period, i) =>
    `SELECT ${i} AS period, o.partnership_id, o.escalation_id, o.raised_month FROM analytics_outcome o
     WHERE ${cohortWhere('o', scope, params, { period, hasStatus: false })} AND o.status IN ('pending', 'overdue') AND o.deadline < ${at}`);
  const result = await run<Record<string, unknown>>(
    `SELECT ${SELECT_PERIOD_AND_MONTH}, count(DISTINCT (c.partnership_id, c.escalation_id))::int AS overdue
     FROM (${sources.join(' UNION ALL ')}) c ${BY_PERIOD_AND_MONTH}`,
    params,
  );
  return rows(result, ['overdue']);
}
