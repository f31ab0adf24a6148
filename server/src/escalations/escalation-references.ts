import { CALENDAR_YEARS } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import { EscalationsErrorCode, EscalationsException } from './escalations.exception.js';

/**
 * Checks that what an escalation points at exists in its partnership (and protocol).
 * Foreign keys would refuse the same rows, but with a message no one can act on.
 */

/** @throws EscalationsException AGENCY_NOT_FOUND, or AGENCY_INACTIVE when `active` is required */
export async function requireAgency(manager: EntityManager, partnershipId: string, agencyId: string, field: string, options: { active: boolean }): Promise<void> {
  const rows: { is_active: boolean }[] = await manager.query(
    'SELECT is_active FROM agency WHERE partnership_id = $1 AND id = $2',
    [partnershipId, agencyId],
  );
  const agency = rows[0];
  if (!agency) throw EscalationsException.invalid(EscalationsErrorCode.AGENCY_NOT_FOUND, field, `partnership ${partnershipId} has no agency with id ${agencyId}`);
  if (options.active && !agency.is_active) {
    throw EscalationsException.invalid(EscalationsErrorCode.AGENCY_INACTIVE, field, `agency ${agencyId} is no longer active and takes no new escalations`);
  }
}

/** @throws EscalationsException UNKNOWN_CATEGORY, listing the protocol's categories */
export async function requireCategory(manager: EntityManager, partnershipId: string, protocolId: string, code: string, field: string): Promise<void> {
  const rows: { code: string }[] = await manager.query(
    'SELECT code FROM protocol_category WHERE partnership_id = $1 AND protocol_id = $2 ORDER BY display_order, code',
    [partnershipId, protocolId],
  );
  if (rows.some((row) => row.code === code)) return;
  throw EscalationsException.invalid(
    EscalationsErrorCode.UNKNOWN_CATEGORY,
    field,
    `"${code}" is not a category of the escalation's protocol; use one of ${rows.map((row) => row.code).join(', ')}`,
  );
}

/** Timescales are computed on working calendars that cover CALENDAR_YEARS; a raise time must leave room for deadlines. */
const EARLIEST = Date.UTC(CALENDAR_YEARS.from, 0, 1);
const LATEST = Date.UTC(CALENDAR_YEARS.to, 11, 1);

/** @throws EscalationsException TIME_OUTSIDE_CALENDAR */
export function requireWithinCalendar(at: Date, field: string): void {
  if (at.getTime() >= EARLIEST && at.getTime() < LATEST) return;
  throw EscalationsException.invalid(
    EscalationsErrorCode.TIME_OUTSIDE_CALENDAR,
    field,
    `${at.toISOString()} is outside the years the working calendar covers (${CALENDAR_YEARS.from} to ${CALENDAR_YEARS.to})`,
  );
}
