import type { AnalyticsFilterInput } from './analytics-filter.input.js';
import type { SqlRunner } from './analytics-reader.js';
import { AnalyticsException, MAX_PERIOD_YEARS } from './analytics.exception.js';
import type { AnalyticsScope } from './cohort-sql.js';
import { dayNumberOf } from './period.js';

/**
 * Checks a filter against the calendar and the database (as the actor: a partnership
 * they may not see is one that does not exist) and resolves it into an {@link AnalyticsScope}.
 * @throws AnalyticsException INVALID_PERIOD, PERIOD_TOO_LONG, PARTNERSHIP_NOT_FOUND, AGENCY_NOT_FOUND
 */
export async function resolveScope(run: SqlRunner, filter: AnalyticsFilterInput): Promise<AnalyticsScope> {
  checkPeriod(filter.from, filter.to);
  const partnershipIds = await partnerships(run, listOrNull(filter.partnershipIds));
  const raisingAgencyIds = listOrNull(filter.raisingAgencyIds);
  const receivingAgencyIds = listOrNull(filter.receivingAgencyIds);
  await checkAgencies(run, partnershipIds, 'raisingAgencyIds', raisingAgencyIds);
  await checkAgencies(run, partnershipIds, 'receivingAgencyIds', receivingAgencyIds);
  return {
    period: { from: filter.from, to: filter.to },
    partnershipIds,
    raisingAgencyIds,
    receivingAgencyIds,
    categoryCodes: listOrNull(filter.categoryCodes),
    urgencies: listOrNull(filter.urgencies),
  };
}

/**
 * The protocol whose stages to show: the one asked for (it must belong to one of the
 * scope's partnerships), else the active protocol of the scope's only partnership, else none.
 * @throws AnalyticsException PROTOCOL_NOT_FOUND
 */
export async function resolveProtocol(run: SqlRunner, scope: AnalyticsScope, protocolId: string | null | undefined): Promise<string | null> {
  if (protocolId) {
    const rows = await run<{ id: string }>(
      `SELECT id::text FROM protocol WHERE id = $1::bigint AND partnership_id = ANY($2::bigint[])`,
      [protocolId, scope.partnershipIds],
    );
    if (rows.length === 0) throw AnalyticsException.protocolNotFound(protocolId);
    return protocolId;
  }
  if (scope.partnershipIds.length !== 1) return null;
  const rows = await run<{ id: string }>(`SELECT id::text FROM protocol WHERE partnership_id = $1::bigint AND is_active`, [scope.partnershipIds[0]]);
  return rows[0]?.id ?? null;
}

/** [from, to) must be real dates, from before to, and at most MAX_PERIOD_YEARS long. */
export function checkPeriod(from: string, to: string): void {
  const first = dayNumberOf(from);
  const end = dayNumberOf(to);
  if (first === null) throw AnalyticsException.invalidPeriod(`from (${from}) is not a calendar date`);
  if (end === null) throw AnalyticsException.invalidPeriod(`to (${to}) is not a calendar date`);
  if (first >= end) throw AnalyticsException.invalidPeriod(`from (${from}) must be before to (${to}); the period is [from, to)`);
  const sameDayLater = dayNumberOf(`${Number(from.slice(0, 4)) + MAX_PERIOD_YEARS}${from.slice(4)}`);
  const limit = sameDayLater ?? dayNumberOf(`${Number(from.slice(0, 4)) + MAX_PERIOD_YEARS}-03-01`)!;
  if (end > limit) throw AnalyticsException.periodTooLong(from, to);
}

async function partnerships(run: SqlRunner, ids: readonly string[] | null): Promise<string[]> {
  if (ids === null) return (await run<{ id: string }>(`SELECT id::text FROM partnership ORDER BY id`, [])).map((row) => row.id);
  const rows = await run<{ id: string }>(`SELECT id::text FROM partnership WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw AnalyticsException.partnershipsNotFound(missing);
  return rows.map((row) => row.id);
}

async function checkAgencies(run: SqlRunner, partnershipIds: readonly string[], field: string, ids: readonly string[] | null): Promise<void> {
  if (ids === null) return;
  const rows = await run<{ id: string }>(
    `SELECT id::text FROM agency WHERE id = ANY($1::bigint[]) AND partnership_id = ANY($2::bigint[])`,
    [ids, partnershipIds],
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw AnalyticsException.agenciesNotFound(field, missing);
}

/** Deduplicated, or null for an absent or empty list (no filter). */
function listOrNull<T extends string>(list: readonly T[] | null | undefined): T[] | null {
  return list && list.length > 0 ? [...new Set(list)] : null;
}
