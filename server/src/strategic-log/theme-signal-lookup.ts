import { localDateKey } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import type { SqlRunner } from '../analytics/analytics-reader.js';
import { checkPeriod } from '../analytics/analytics-scope.js';
import type { SqlParams } from '../analytics/cohort-sql.js';
import { readThemeSignals } from '../analytics/theme-signals-sql.js';
import { StrategicLogErrorCode, StrategicLogException } from './strategic-log.exception.js';

/** Every escalation of a signal is linked; a signal holds at most the escalations of its period. */
const ALL_ESCALATIONS = 1_000_000;

export interface FoundSignal {
  readonly minCount: number;
  readonly windowDays: number;
  readonly escalationIds: readonly string[];
  readonly firstRaisedOn: string;
  readonly lastRaisedOn: string;
}

/**
 * The theme signal of one category and receiving agency over [from, to), found exactly as
 * the Themes page finds it (readThemeSignals, DESIGN.md §4.4) with N and W as asked or
 * the partnership's own, in the caller's transaction.
 * @throws AnalyticsException INVALID_PERIOD, PERIOD_TOO_LONG; StrategicLogException THEME_SIGNAL_NOT_FOUND
 */
export async function findThemeSignal(
  manager: EntityManager,
  input: { partnershipId: string; categoryCode: string; receivingAgencyId: string; from: string; to: string; minCount?: number | null; windowDays?: number | null },
): Promise<FoundSignal> {
  checkPeriod(input.from, input.to);
  const run: SqlRunner = <R>(sql: string, params: SqlParams | readonly unknown[]) =>
    manager.query<R[]>(sql, Array.isArray(params) ? [...params] : [...(params as SqlParams).values]);
  const [settings] = await run<{ theme_min_count: number; theme_window_days: number }>(
    `SELECT theme_min_count, theme_window_days FROM partnership WHERE id = $1::bigint`,
    [input.partnershipId],
  );
  const minCount = input.minCount ?? settings!.theme_min_count;
  const windowDays = input.windowDays ?? settings!.theme_window_days;
  const scope = {
    period: { from: input.from, to: input.to },
    partnershipIds: [input.partnershipId],
    raisingAgencyIds: null,
    receivingAgencyIds: [input.receivingAgencyId],
    categoryCodes: [input.categoryCode],
    urgencies: null,
  };
  const [signal] = await readThemeSignals(run, scope, minCount, windowDays, ALL_ESCALATIONS);
  if (!signal) {
    throw StrategicLogException.invalid(
      StrategicLogErrorCode.THEME_SIGNAL_NOT_FOUND,
      'categoryCode',
      `no theme signal of category "${input.categoryCode}" and agency ${input.receivingAgencyId} fires from ${input.from} to ${input.to} ` +
        `(at least ${minCount} escalations within ${windowDays} days); write the entry by hand instead`,
    );
  }
  return {
    minCount,
    windowDays,
    escalationIds: signal.escalations.map((escalation) => escalation.id),
    firstRaisedOn: localDateKey(signal.firstRaisedAt),
    lastRaisedOn: localDateKey(signal.lastRaisedAt),
  };
}
