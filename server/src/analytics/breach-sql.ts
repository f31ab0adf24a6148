import type { SqlRunner } from './analytics-reader.js';
import { SqlParams, type AnalyticsScope } from './cohort-sql.js';
import { ruleOutcomeCounts } from './cube-source.js';
import { readDurationPercentiles, type PercentileRow } from './duration-percentiles-sql.js';
import type { AgencyRole } from './dto/analytics.args.js';
import type { ReportUnit } from './models/breach-statistics.model.js';

/** The breakdowns of breach statistics, by the GROUPING() bits of (rule, stage, tier, agency, month): 1 = not grouped by. */
export const BREAKDOWN_BY_GROUPING: Readonly<Record<number, Breakdown>> = {
  31: 'overall', 3: 'rule', 19: 'stage', 27: 'tier', 29: 'agency', 30: 'month', 2: 'ruleMonth',
};
/** `stageMonth` groups are read apart (stage-month-sql.ts), not by a grouping set here. */
export type Breakdown = 'overall' | 'rule' | 'stage' | 'tier' | 'agency' | 'month' | 'ruleMonth' | 'stageMonth';

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

/**
 * The cohort's counted outcomes per month, rule, status, agency of the breakdown and the
 * unit times are reported in, from the rule counts kept per month (cube-source.ts).
 */
function outcomeCountsSql(scope: AnalyticsScope, params: SqlParams, agencyRole: AgencyRole): string {
  const agency = agencyRole === 'raising' ? 'raising' : 'receiving';
  return `SELECT c.rule_code, c.limit_unit, c.stage_code, c.tier, c.${agency}_agency_id::text AS agency_id, c.raised_month, c.status, c.outcomes,
                 CASE c.limit_unit WHEN 'same_working_day' THEN 'working_days' ELSE c.limit_unit END AS report_unit
          FROM (${ruleOutcomeCounts(scope, params, { dims: [agency] })}) c`;
}

/**
 * Per group of every breakdown, the counts of met, breached, overdue and pending (summed
 * over the units of the group's rules); with `durations`, per group and report unit the
 * median and 90th percentile (percentile_cont, linear interpolation) of time taken (met and
 * breached) and of lateness (breached and overdue), found exactly without sorting the
 * cohort's outcomes (duration-percentiles-sql.ts). Rule × month groups get counts only.
 */
export async function readBreachFigures(
  run: SqlRunner,
  scope: AnalyticsScope,
  agencyRole: AgencyRole,
  options: { readonly durations: boolean },
): Promise<{ counts: CountRow[]; durations: DurationRow[] }> {
  const params = new SqlParams();
  const count = (status: string) => `coalesce(sum(o.outcomes) FILTER (WHERE o.status = '${status}'), 0)::int AS ${status}`;
  const countsOnly = `NULL::int AS taken_count, NULL::int AS late_count`;
  const units = `SELECT 'units', ${GROUPING}, ${KEY_COLUMNS}, o.report_unit, NULL::int, NULL::int, NULL::int, NULL::int,
            coalesce(sum(o.outcomes) FILTER (WHERE o.status IN ('met', 'breached')), 0)::int,
            coalesce(sum(o.outcomes) FILTER (WHERE o.status IN ('breached', 'overdue')), 0)::int
     FROM o
     GROUP BY GROUPING SETS ((o.report_unit), (${RULE}, o.report_unit), (o.stage_code, o.tier, o.report_unit), (o.tier, o.report_unit),
                             (o.agency_id, o.report_unit), (o.raised_month, o.report_unit))`;
  const rows = await run<Record<string, unknown>>(
    `WITH o AS MATERIALIZED (${outcomeCountsSql(scope, params, agencyRole)})
     SELECT 'counts' AS kind, ${GROUPING}, ${KEY_COLUMNS}, NULL AS report_unit, ${['met', 'breached', 'overdue', 'pending'].map(count).join(', ')},
            ${countsOnly}
     FROM o
     GROUP BY GROUPING SETS ((), (${RULE}), (o.stage_code, o.tier), (o.tier), (o.agency_id), (o.raised_month), (${RULE}, o.raised_month))
     ${options.durations ? `UNION ALL ${units}` : ''}`,
    params,
  );
  const counts = rows.filter((row) => row['kind'] === 'counts').map((row) => ({
    ...groupKey(row),
    met: Number(row['met']),
    breached: Number(row['breached']),
    overdue: Number(row['overdue']),
    pending: Number(row['pending']),
  }));
  if (!options.durations) return { counts, durations: [] };

  const percentiles = new Map<string, PercentileRow>();
  for (const p of await readDurationPercentiles(run, scope, agencyRole)) {
    percentiles.set(durationId(p.breakdown, p, p.reportUnit, p.measure), p);
  }
  const durations = rows.filter((row) => row['kind'] === 'units').map((row): DurationRow => {
    const key = groupKey(row);
    const reportUnit = row['report_unit'] as ReportUnit;
    const of = (measure: 'taken' | 'late') => {
      const found = percentiles.get(durationId(key.breakdown, key, reportUnit, measure));
      return found ? ([found.median, found.p90] as const) : null;
    };
    return { ...key, reportUnit, takenCount: Number(row['taken_count']), taken: of('taken'), lateCount: Number(row['late_count']), late: of('late') };
  });
  return { counts, durations };
}

function durationId(breakdown: string, key: GroupKey, reportUnit: string, measure: string): string {
  return [breakdown, key.ruleCode, key.unit, key.stageCode, key.tier, key.agencyId, key.month, reportUnit, measure].join('|');
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
