import { dimensionConditions, localMidnight, type AnalyticsScope, type SqlParams } from './cohort-sql.js';
import { wholeMonths, type Period } from './period.js';

/**
 * Counts of escalations (or timescale outcomes) per month of raising and chosen
 * dimensions, read from the pre-aggregated month tables wherever they can answer exactly,
 * and from the row tables for the rest:
 *
 * - the months wholly inside the period come from `analytics_escalation_month` /
 *   `analytics_outcome_month` / `analytics_rule_month`, from the smallest grouping set
 *   holding every dimension the query groups by or the filter restricts (migrations
 *   1764200000000 and 1764253000000 list the sets; the masks below must match them, and
 *   tests check they do);
 * - the days of the period in a month only partly inside it (at most two part-months),
 *   and any query no grouping set can answer, come from `analytics_escalation` /
 *   `analytics_outcome`, row by row.
 *
 * Both halves yield the same columns — partnership_id, raised_month, the dimensions asked
 * for, and the count — so callers simply `sum()` the count. The result is exact either
 * way; the month tables only make it cheaper.
 */
export const DIM = {
  protocol: 1, urgency: 2, status: 4, highestTier: 8, highestStage: 16, resolvedTier: 32, entered: 64,
  raising: 128, receiving: 256, category: 512,
} as const;
export type Dim = keyof typeof DIM;

/** Column of each dimension; the same in the row and the month tables. */
export const DIM_COLUMN: Readonly<Record<Dim, string>> = {
  protocol: 'protocol_id', urgency: 'urgency', status: 'status', highestTier: 'highest_tier', highestStage: 'highest_stage_order',
  resolvedTier: 'resolved_tier', entered: 'entered_mask', raising: 'raising_agency_id', receiving: 'receiving_agency_id',
  category: 'category_code',
};

export type OutcomeDim = 'urgency' | 'status' | 'raising' | 'receiving' | 'category';
export type RuleOutcomeDim = 'urgency' | 'raising' | 'receiving' | 'category';

interface CubeTables {
  readonly monthTable: string;
  readonly rowTable: string;
  readonly countColumn: string;
  /** Columns every row of the month table has (not masked by a grouping set). */
  readonly fixedColumns: readonly string[];
  /** Grouping sets, smallest (fewest rows) first. */
  readonly groupingSets: readonly number[];
  /** Whether the row table holds out-of-scope escalations (to be left out). */
  readonly hasOutOfScope: boolean;
}

const REACH = DIM.urgency | DIM.status | DIM.highestTier | DIM.resolvedTier;

/** Escalation grouping sets, in the order measured smallest first on the demo data. */
export const ESCALATION_GROUPING_SETS: readonly number[] = [
  DIM.protocol | DIM.urgency | DIM.status | DIM.highestTier | DIM.highestStage | DIM.resolvedTier | DIM.entered,
  REACH | DIM.category,
  REACH | DIM.receiving,
  REACH | DIM.raising,
  DIM.urgency | DIM.status | DIM.category | DIM.receiving,
  DIM.urgency | DIM.status | DIM.raising | DIM.receiving,
];

const OUTCOME_BASE = DIM.urgency | DIM.status;
export const OUTCOME_GROUPING_SETS: readonly number[] = [
  OUTCOME_BASE, OUTCOME_BASE | DIM.category, OUTCOME_BASE | DIM.receiving, OUTCOME_BASE | DIM.raising,
];

/** Rule grouping sets (rule, stage, tier and status always kept), smallest first (migration 1764253000000). */
export const RULE_GROUPING_SETS: readonly number[] = [
  DIM.receiving, DIM.raising, DIM.raising | DIM.receiving, DIM.urgency | DIM.category | DIM.receiving, DIM.urgency | DIM.category | DIM.raising,
];

/** Columns of a rule's outcome counts besides the dimensions: what identifies the rule, and the status. */
export const RULE_COLUMNS = ['rule_code', 'limit_unit', 'stage_code', 'tier', 'status'] as const;

const ESCALATIONS: CubeTables = {
  monthTable: 'analytics_escalation_month', rowTable: 'analytics_escalation', countColumn: 'escalations', fixedColumns: [],
  groupingSets: ESCALATION_GROUPING_SETS, hasOutOfScope: true,
};
const OUTCOMES: CubeTables = {
  monthTable: 'analytics_outcome_month', rowTable: 'analytics_outcome', countColumn: 'outcomes', fixedColumns: [],
  groupingSets: OUTCOME_GROUPING_SETS, hasOutOfScope: false,
};
const RULE_OUTCOMES: CubeTables = {
  monthTable: 'analytics_rule_month', rowTable: 'analytics_outcome', countColumn: 'outcomes', fixedColumns: RULE_COLUMNS,
  groupingSets: RULE_GROUPING_SETS, hasOutOfScope: false,
};

export interface CubeQuery<D extends Dim> {
  /** Dimensions to keep as columns (besides partnership_id and raised_month). */
  readonly dims: readonly D[];
  /** Default: the scope's period. */
  readonly period?: Period;
  /** Only escalations that followed this protocol. */
  readonly protocolId?: string;
  /** Keep out-of-scope escalations (default: leave them out, as every statistic does). */
  readonly includeOutOfScope?: boolean;
}

/** Escalations counted by month and `dims`: columns partnership_id, raised_month, the dims, `escalations`. */
export function escalationCounts<D extends Dim>(scope: AnalyticsScope, params: SqlParams, query: CubeQuery<D>): string {
  return cubeSql(ESCALATIONS, scope, params, query);
}

/** Counted timescale outcomes (never not-applicable) by month of raising and `dims`; count column `outcomes`. */
export function outcomeCounts(scope: AnalyticsScope, params: SqlParams, query: CubeQuery<OutcomeDim>): string {
  return cubeSql(OUTCOMES, scope, params, query);
}

/**
 * Counted timescale outcomes by month of raising, rule (code, unit, stage, tier), status and
 * `dims`: columns partnership_id, raised_month, rule_code, limit_unit, stage_code, tier,
 * status, the dims, `outcomes`.
 */
export function ruleOutcomeCounts(scope: AnalyticsScope, params: SqlParams, query: CubeQuery<RuleOutcomeDim>): string {
  return cubeSql(RULE_OUTCOMES, scope, params, query);
}

/** Mask of the dimensions a query needs from its source: those it keeps and those the filter restricts. */
function neededMask(scope: AnalyticsScope, query: CubeQuery<Dim>, tables: CubeTables): number {
  let mask = query.dims.reduce((m, d) => m | DIM[d], 0);
  if (scope.urgencies) mask |= DIM.urgency;
  if (scope.raisingAgencyIds) mask |= DIM.raising;
  if (scope.receivingAgencyIds) mask |= DIM.receiving;
  if (scope.categoryCodes) mask |= DIM.category;
  if (query.protocolId !== undefined) mask |= DIM.protocol;
  if (tables.hasOutOfScope && !query.includeOutOfScope) mask |= DIM.status;
  return mask;
}

/** The smallest grouping set holding every dimension in `mask`, or null. */
export function groupingSetFor(mask: number, sets: readonly number[]): number | null {
  return sets.find((set) => (set & mask) === mask) ?? null;
}

function cubeSql(tables: CubeTables, scope: AnalyticsScope, params: SqlParams, query: CubeQuery<Dim>): string {
  const period = query.period ?? scope.period;
  const set = groupingSetFor(neededMask(scope, query, tables), tables.groupingSets);
  const whole = set === null ? null : wholeMonths(period);
  const columns = ['partnership_id', 'raised_month', ...tables.fixedColumns, ...query.dims.map((d) => DIM_COLUMN[d])].join(', ');
  const common = (alias: string) => {
    const conditions = dimensionConditions(alias, scope, params);
    if (query.protocolId !== undefined) conditions.push(`${alias}.protocol_id = ${params.add(query.protocolId, 'bigint')}`);
    if (tables.hasOutOfScope && !query.includeOutOfScope) conditions.push(`${alias}.status <> 'out_of_scope'`);
    return conditions;
  };

  const rows = (ranges: readonly Period[]) => {
    const within = ranges
      .filter((range) => range.from < range.to)
      .map((range) => `(r.raised_at >= ${localMidnight(params, range.from)} AND r.raised_at < ${localMidnight(params, range.to)})`);
    if (within.length === 0) return null;
    return `SELECT ${prefixed('r', columns)}, 1::bigint AS ${tables.countColumn} FROM ${tables.rowTable} r
      WHERE ${[...common('r'), `(${within.join(' OR ')})`].join(' AND ')}`;
  };

  if (whole === null || set === null) return rows([period])!;
  const months = `SELECT ${prefixed('m', columns)}, m.${tables.countColumn}::bigint AS ${tables.countColumn} FROM ${tables.monthTable} m
    WHERE ${[
      `m.grouping_set = ${set}`,
      ...common('m'),
      `m.raised_month >= ${params.add(whole.from, 'date')}`,
      `m.raised_month < ${params.add(whole.to, 'date')}`,
    ].join(' AND ')}`;
  const edges = rows([{ from: period.from, to: whole.from }, { from: whole.to, to: period.to }]);
  return edges === null ? months : `${months}\n    UNION ALL\n    ${edges}`;
}

function prefixed(alias: string, columns: string): string {
  return columns.split(', ').map((c) => `${alias}.${c}`).join(', ');
}
