import type { EntityManager } from 'typeorm';
import { StrategicLogErrorCode, StrategicLogException } from './strategic-log.exception.js';

/**
 * What a write checks against the database before it changes anything, each as the
 * actor (row-level security: what they may not see does not exist for them).
 */

/** A real calendar date written YYYY-MM-DD, or a refusal naming the field. */
export function checkDate(field: string, value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw StrategicLogException.invalid(StrategicLogErrorCode.INVALID_DATE, field, `${value} is not a calendar date`);
  }
  return value;
}

export function checkReviewDate(field: string, reviewDate: string, addedOn: string): void {
  checkDate(field, reviewDate);
  if (reviewDate < addedOn) {
    throw StrategicLogException.invalid(
      StrategicLogErrorCode.REVIEW_DATE_BEFORE_ADDED,
      field,
      `the review date ${reviewDate} is before the entry was added (${addedOn}); choose a later date`,
    );
  }
}

export async function checkPartnership(manager: EntityManager, partnershipId: string): Promise<void> {
  const rows = await manager.query<unknown[]>(`SELECT 1 FROM partnership WHERE id = $1::bigint`, [partnershipId]);
  if (rows.length === 0) throw StrategicLogException.partnershipNotFound(partnershipId);
}

/** The category's label in the partnership's protocols. */
export async function checkCategory(manager: EntityManager, partnershipId: string, field: string, code: string): Promise<string> {
  const [row] = await manager.query<{ label: string | null }[]>(
    `SELECT min(label) AS label FROM protocol_category WHERE partnership_id = $1::bigint AND code = $2`,
    [partnershipId, code],
  );
  if (!row?.label) {
    throw StrategicLogException.invalid(StrategicLogErrorCode.UNKNOWN_CATEGORY, field, `no protocol of partnership ${partnershipId} has a category "${code}"`);
  }
  return row.label;
}

/** The agency's name. */
export async function checkAgency(manager: EntityManager, partnershipId: string, field: string, agencyId: string): Promise<string> {
  const [row] = await manager.query<{ name: string }[]>(`SELECT name FROM agency WHERE partnership_id = $1::bigint AND id = $2::bigint`, [partnershipId, agencyId]);
  if (!row) throw StrategicLogException.invalid(StrategicLogErrorCode.AGENCY_NOT_FOUND, field, `partnership ${partnershipId} has no agency with id ${agencyId}`);
  return row.name;
}

/** The ids, deduplicated, once every one is an escalation of the partnership. */
export async function checkEscalations(manager: EntityManager, partnershipId: string, field: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const rows = await manager.query<{ id: string }[]>(
    `SELECT id::text FROM escalation WHERE partnership_id = $1::bigint AND id = ANY($2::bigint[])`,
    [partnershipId, unique],
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw StrategicLogException.invalid(
      StrategicLogErrorCode.ESCALATION_NOT_FOUND,
      field,
      `partnership ${partnershipId} has no escalation with id ${missing.join(', ')}`,
      { ids: missing },
    );
  }
  return unique;
}
