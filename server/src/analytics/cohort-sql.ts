import type { Urgency } from '@escalation-insights/shared';
import type { Period } from './period.js';

/**
 * Who a statistic is about, once the filter is checked (AnalyticsScopeService):
 * concrete partnership ids, and the other lists (null: no filter).
 */
export interface AnalyticsScope {
  readonly period: Period;
  readonly partnershipIds: readonly string[];
  readonly raisingAgencyIds: readonly string[] | null;
  readonly receivingAgencyIds: readonly string[] | null;
  readonly categoryCodes: readonly string[] | null;
  readonly urgencies: readonly Urgency[] | null;
}

/**
 * Positional parameters of one SQL statement. Every value from a request goes through
 * `add`, which returns its placeholder with a cast; SQL text is never built from user values.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** The instant a local date begins (Europe/London midnight), as SQL. */
export function localMidnight(params: SqlParams, date: string): string {
  return `(${params.add(date, 'date')}::timestamp AT TIME ZONE 'Europe/London')`;
}

/**
 * Conditions of the filter's lists on a table with the columns of `analytics_escalation`
 * (also `analytics_outcome` and `escalation`): partnership, raising and receiving agency,
 * category, urgency. The period is not included (see `raisedWithin`).
 */
export function dimensionConditions(alias: string, scope: AnalyticsScope, params: SqlParams): string[] {
  const a = alias ? `${alias}.` : '';
  const conditions = [`${a}partnership_id = ANY(${params.add(scope.partnershipIds, 'bigint[]')})`];
  if (scope.raisingAgencyIds) conditions.push(`${a}raising_agency_id = ANY(${params.add(scope.raisingAgencyIds, 'bigint[]')})`);
  if (scope.receivingAgencyIds) conditions.push(`${a}receiving_agency_id = ANY(${params.add(scope.receivingAgencyIds, 'bigint[]')})`);
  if (scope.categoryCodes) conditions.push(`${a}category_code = ANY(${params.add(scope.categoryCodes, 'text[]')})`);
  if (scope.urgencies) conditions.push(`${a}urgency = ANY(${params.add(scope.urgencies, 'text[]')})`);
  return conditions;
}

/**
 * Whether the filter narrows the cohort by more than partnership (agency, category or
 * urgency): the month-by-month pre-aggregates do not hold those, so a narrower cohort is
 * read escalation by escalation (or outcome by outcome).
 */
export function narrowerThanPartnerships(scope: AnalyticsScope): boolean {
  return scope.raisingAgencyIds !== null || scope.receivingAgencyIds !== null || scope.categoryCodes !== null || scope.urgencies !== null;
}

/** `raised_at` within [from, to) of local dates. */
export function raisedWithin(alias: string, period: Period, params: SqlParams): string {
  const a = alias ? `${alias}.` : '';
  return `${a}raised_at >= ${localMidnight(params, period.from)} AND ${a}raised_at < ${localMidnight(params, period.to)}`;
}

/**
 * The cohort's WHERE clause on a row table: raised in the period (default: the scope's),
 * matching the filter; out-of-scope escalations left out unless `includeOutOfScope`
 * (`analytics_outcome` holds none, so pass `hasStatus: false` for it).
 */
export function cohortWhere(
  alias: string,
  scope: AnalyticsScope,
  params: SqlParams,
  options: { period?: Period; includeOutOfScope?: boolean; hasStatus?: boolean } = {},
): string {
  const a = alias ? `${alias}.` : '';
  const conditions = [...dimensionConditions(alias, scope, params), raisedWithin(alias, options.period ?? scope.period, params)];
  if (!options.includeOutOfScope && options.hasStatus !== false) conditions.push(`${a}status <> 'out_of_scope'`);
  return conditions.join(' AND ');
}
