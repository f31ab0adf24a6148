import type { SqlRunner } from './analytics-reader.js';
import { cohortWhere, SqlParams, type AnalyticsScope } from './cohort-sql.js';
import type { AgencyRole } from './dto/analytics.args.js';
import type { ReportUnit } from './models/breach-statistics.model.js';

/** The breakdowns of breach statistics, by the GROUPING() bits of (rule, stage, tier, agency, month): 1 = not grouped by. */
export const BREAKDOWN_BY_GROUPING: Readonly<Record<number, Breakdown>> = {
  31: 'overall', 3: 'rule', 19: 'stage', 27: 'tier', 29: 'agency', 30: 'month', 2: 'ruleMonth',
};
export type Breakdown = 'overall' | 'rule' | 'stage' | 'tier' | 'agency' | 'month' | 'ruleMonth';
const RULE_MONTH_GROUPING = 2;

export interface GroupKey {
  readonly ruleCode: string | null;
  readonly unit: string | null;
  readonly stageCode: string | null;
  readonly tier: number | null;
  readonly agencyId: string | null;
  readonly month: string | null;
}

export interface CountRow extends GroupKey {
  readonly breakdown: Breakdown;
  readonly met: number;
  readonly breached: number;
  readonly overdue: number;
  readonly pending: number;
}

export interface DurationRow extends GroupKey {
  readonly breakdown: Breakdown;
  readonly reportUnit: ReportUnit;
  readonly takenCount: number;
  readonly taken: readonly [number, number] | null;
  readonly lateCount: number;
  readonly late: readonly [number, number] | null;
}

const KEY_COLUMNS = `o.rule_code, o.limit_unit, o.stage_code, o.tier::int AS tier, o.agency_id, o.raised_month::text AS month`;
const GROUPING = `GROUPING(o.rule_code, o.stage_code, o.tier, o.agency_id, o.raised_month)::int AS grouping`;
const RULE = 'o.rule_code, o.limit_unit, o.stage_code, o.tier';

/** The cohort's counted outcomes with the agency of the breakdown and the unit times are reported in. */
function outcomesSql(scope: AnalyticsScope, params: SqlParams, agencyRole: AgencyRole): string {
  const agency = agencyRole === 'raising' ? 'raising_agency_id' : 'receiving_agency_id';
  return `SELECT rule_code, limit_unit, stage_code, tier, ${agency}::text AS agency_id, raised_month, status, elapsed, lateness,
                 CASE limit_unit WHEN 'same_working_day' THEN 'working_days' ELSE limit_unit END AS report_unit
          FROM analytics_outcome WHERE ${cohortWhere('', scope, params, { hasStatus: false })}`;
}

/**
 * In one pass over the cohort's outcomes: per group of every breakdown, the counts of
 * met, breached, overdue and pending (summed over the units of the group's rules), and
 * per group and report unit the median and 90th percentile (percentile_cont, linear
 * interpolation) of time taken (met and breached) and of lateness (breached and overdue).
 * Rule × month groups get counts only.
 */
export async function readBreachFigures(
  run: SqlRunner,
  scope: AnalyticsScope,
  agencyRole: AgencyRole,
  options: { readonly durations: boolean },
): Promise<{ counts: CountRow[]; durations: DurationRow[] }> {
  if (!options.durations) return { counts: await readBreachCounts(run, scope, agencyRole), durations: [] };
  const params = new SqlParams();
  const count = (status: string) => `count(*) FILTER (WHERE o.status = '${status}')::int AS ${status}`;
  const keys = 'grouping, rule_code, limit_unit, stage_code, tier, agency_id, month';
  const rows = await run<Record<string, unknown>>(
    `WITH g AS MATERIALIZED (
       SELECT ${GROUPING}, ${KEY_COLUMNS}, o.report_unit, ${['met', 'breached', 'overdue', 'pending'].map(count).join(', ')},
              count(*) FILTER (WHERE o.status IN ('met', 'breached'))::int AS taken_count,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY o.elapsed) FILTER (WHERE o.status IN ('met', 'breached')) AS taken,
              count(*) FILTER (WHERE o.status IN ('breached', 'overdue'))::int AS late_count,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY o.lateness) FILTER (WHERE o.status IN ('breached', 'overdue')) AS late
       FROM (${outcomesSql(scope, params, agencyRole)}) o
       GROUP BY GROUPING SETS ((o.report_unit), (${RULE}, o.report_unit), (o.stage_code, o.tier, o.report_unit), (o.tier, o.report_unit),
                               (o.agency_id, o.report_unit), (o.raised_month, o.report_unit), (${RULE}, o.raised_month, o.report_unit))
     )
     SELECT 'counts' AS kind, ${keys}, NULL AS report_unit, sum(met)::int AS met, sum(breached)::int AS breached, sum(overdue)::int AS overdue,
            sum(pending)::int AS pending, NULL::int AS taken_count, NULL::float8[] AS taken, NULL::int AS late_count, NULL::float8[] AS late
     FROM g GROUP BY ${keys}
     UNION ALL
     SELECT 'durations', ${keys}, report_unit, NULL, NULL, NULL, NULL, taken_count, taken, late_count, late
     FROM g WHERE grouping <> ${RULE_MONTH_GROUPING}`,
    params,
  );
  return {
    counts: rows.filter((row) => row['kind'] === 'counts').map((row) => ({
      ...groupKey(row),
      met: Number(row['met']),
      breached: Number(row['breached']),
      overdue: Number(row['overdue']),
      pending: Number(row['pending']),
    })),
    durations: rows.filter((row) => row['kind'] === 'durations').map((row) => ({
      ...groupKey(row),
      reportUnit: row['report_unit'] as ReportUnit,
      takenCount: Number(row['taken_count']),
      taken: pair(row['taken']),
      lateCount: Number(row['late_count']),
      late: pair(row['late']),
    })),
  };
}

/** Only the counts, per group of every breakdown: no percentiles, so PostgreSQL may hash instead of sort. */
async function readBreachCounts(run: SqlRunner, scope: AnalyticsScope, agencyRole: AgencyRole): Promise<CountRow[]> {
  const params = new SqlParams();
  const count = (status: string) => `count(*) FILTER (WHERE o.status = '${status}')::int AS ${status}`;
  const rows = await run<Record<string, unknown>>(
    `SELECT ${GROUPING}, ${KEY_COLUMNS}, ${['met', 'breached', 'overdue', 'pending'].map(count).join(', ')}
     FROM (${outcomesSql(scope, params, agencyRole)}) o
     GROUP BY GROUPING SETS ((), (${RULE}), (o.stage_code, o.tier), (o.tier), (o.agency_id), (o.raised_month), (${RULE}, o.raised_month))`,
    params,
  );
  return rows.map((row) => ({
    ...groupKey(row), met: Number(row['met']), breached: Number(row['breached']), overdue: Number(row['overdue']), pending: Number(row['pending']),
  }));
}

export interface BreachLabels {
  readonly rules: ReadonlyMap<string, string>;
  /** By `code|tier`. */
  readonly stages: ReadonlyMap<string, string>;
  readonly agencies: ReadonlyMap<string, string>;
}

/** Names of the rules, stages and agencies that appear in the groups. */
export async function readBreachLabels(run: SqlRunner, scope: AnalyticsScope): Promise<BreachLabels> {
  const partnerships = [scope.partnershipIds];
  const rules = await run<{ code: string; name: string }>(
    `SELECT code, min(name) AS name FROM timescale_rule WHERE partnership_id = ANY($1::bigint[]) GROUP BY code`, partnerships);
  const stages = await run<{ code: string; tier: number; name: string }>(
    `SELECT code, tier::int AS tier, min(name) AS name FROM protocol_stage WHERE partnership_id = ANY($1::bigint[]) GROUP BY code, tier`, partnerships);
  const agencies = await run<{ id: string; name: string }>(
    `SELECT id::text AS id, name FROM agency WHERE partnership_id = ANY($1::bigint[])`, partnerships);
  return {
    rules: new Map(rules.map((r) => [r.code, r.name])),
    stages: new Map(stages.map((s) => [`${s.code}|${s.tier}`, s.name])),
    agencies: new Map(agencies.map((a) => [a.id, a.name])),
  };
}

function groupKey(row: Record<string, unknown>): GroupKey & { breakdown: Breakdown } {
  const breakdown = BREAKDOWN_BY_GROUPING[Number(row['grouping'])];
  if (!breakdown) throw new Error(`Unexpected grouping ${String(row['grouping'])}`);
  const text = (key: string) => (row[key] === null || row[key] === undefined ? null : String(row[key]));
  return {
    breakdown,
    ruleCode: text('rule_code'),
    unit: text('limit_unit'),
    stageCode: text('stage_code'),
    tier: row['tier'] === null ? null : Number(row['tier']),
    agencyId: text('agency_id'),
    month: text('month'),
  };
}

function pair(value: unknown): readonly [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  return [Number(value[0]), Number(value[1])];
}
