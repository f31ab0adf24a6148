import type { UserRole } from '@escalation-insights/shared';
import { dayNumberOf } from '../analytics/period.js';
import { mayReadChanges } from './audit-changes-visibility.js';
import { AuditException } from './audit.exception.js';
import { canonicalJson, type JsonValue } from './audit-hash.js';
import type { AuditTrailFilter } from './dto/audit-trail-filter.input.js';
import type { AuditEvent } from './models/audit-event.model.js';

/** An audit event as PostgreSQL hands it back (ids as text). */
export interface AuditEventRow {
  id: string;
  partnership_id: string | null;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: JsonValue;
  request_ip: string | null;
  request_id: string | null;
  previous_hash: string | null;
  hash: string;
}

export const AUDIT_EVENT_COLUMNS = `id::text, partnership_id::text, occurred_at, actor_user_id::text, actor_label, action, entity_type,
  entity_id, changes, request_ip, request_id, previous_hash, hash`;

/** A WHERE clause (always at least `true`) and its parameters, for a filter; `$n` numbering starts after `offset`. */
export function auditTrailWhere(filter: AuditTrailFilter, offset = 0): { where: string; params: unknown[] } {
  checkPeriod(filter);
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${offset + params.length}`));
  };
  if (filter.from) add((p) => `occurred_at >= (${p}::date::timestamp AT TIME ZONE 'Europe/London')`, filter.from);
  if (filter.to) add((p) => `occurred_at < (${p}::date::timestamp AT TIME ZONE 'Europe/London')`, filter.to);
  if (filter.partnershipId) add((p) => `partnership_id = ${p}::bigint`, filter.partnershipId);
  if (filter.entityType) add((p) => `entity_type = ${p}`, filter.entityType);
  if (filter.entityId) add((p) => `entity_id = ${p}`, filter.entityId);
  if (filter.action) add((p) => `action = ${p}`, filter.action);
  if (filter.actorUserId) add((p) => `actor_user_id = ${p}::bigint`, filter.actorUserId);
  return { where: conditions.length > 0 ? conditions.join(' AND ') : 'true', params };
}

/** @throws AuditException INVALID_PERIOD */
function checkPeriod(filter: AuditTrailFilter): void {
  for (const [name, date] of [['from', filter.from], ['to', filter.to]] as const) {
    if (date && dayNumberOf(date) === null) throw AuditException.invalidPeriod(`${name} (${date}) is not a calendar date`);
  }
  if (filter.from && filter.to && filter.from >= filter.to) {
    throw AuditException.invalidPeriod(`from (${filter.from}) must be before to (${filter.to}); the period is [from, to)`);
  }
}

/** The event as the API shows it to `role`: changes as canonical JSON, or withheld (see mayReadChanges). */
export function toAuditEvent(row: AuditEventRow, role: UserRole | null): AuditEvent {
  const readable = mayReadChanges(role, row.entity_type);
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: readable ? canonicalJson(row.changes) : null,
    changesWithheld: !readable,
    requestIp: row.request_ip,
    requestId: row.request_id,
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}

const CURSOR = /^e:([1-9][0-9]{0,17})$/;

/** An opaque cursor for the event with this id. */
export function encodeCursor(id: string): string {
  return Buffer.from(`e:${id}`, 'utf8').toString('base64url');
}

/** The event id a cursor stands for. @throws AuditException INVALID_CURSOR */
export function decodeCursor(cursor: string): string {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw AuditException.invalidCursor();
  return match[1]!;
}
