import { addDays, isIsoDate } from '../../lib/dates';
import type { AuditTrailFilterInput } from './audit.graphql';

/*
 * The audit page's filters, held in the URL so that a view of the trail can be shared:
 *   ?from=2025-03-01&last=2025-03-31&action=escalation.recorded&type=escalation&record=42&actor=7&partnership=3
 * `last` is the last day included, as people say it; the API takes [from, to).
 * Anything malformed is dropped, as the shared filters do.
 */

export interface AuditParams {
  readonly from: string | null;
  /** The last day included. */
  readonly last: string | null;
  readonly action: string | null;
  readonly entityType: string | null;
  readonly entityId: string | null;
  readonly actorUserId: string | null;
  readonly partnershipId: string | null;
}

export const NO_AUDIT_FILTERS: AuditParams = {
  from: null, last: null, action: null, entityType: null, entityId: null, actorUserId: null, partnershipId: null,
};

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const ENTITY_TYPE = /^[a-z][a-z0-9_]*$/;
const RECORD_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const USER_ID = /^[1-9][0-9]{0,17}$/;

const PARAMS: readonly [keyof AuditParams, string, (value: string) => boolean][] = [
  ['from', 'from', isIsoDate],
  ['last', 'last', isIsoDate],
  ['action', 'action', (value) => value.length <= 100 && ACTION.test(value)],
  ['entityType', 'type', (value) => value.length <= 60 && ENTITY_TYPE.test(value)],
  ['entityId', 'record', (value) => RECORD_ID.test(value)],
  ['actorUserId', 'actor', (value) => USER_ID.test(value)],
  ['partnershipId', 'partnership', (value) => USER_ID.test(value)],
];

export function parseAuditParams(search: string | URLSearchParams): AuditParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const parsed: Record<string, string | null> = {};
  for (const [key, name, valid] of PARAMS) {
    const value = params.get(name)?.trim() ?? '';
    parsed[key] = value !== '' && valid(value) ? value : null;
  }
  return parsed as unknown as AuditParams;
}

/** The query string for these filters (defaults left out), without "?". */
export function serialiseAuditParams(filters: AuditParams): string {
  const params = new URLSearchParams();
  for (const [key, name] of PARAMS) {
    const value = filters[key];
    if (value !== null) params.set(name, value);
  }
  return params.toString();
}

/** Whether the two days make a usable period: both optional, the first not after the last. */
export function isUsablePeriod(from: string | null, last: string | null): boolean {
  return from === null || last === null || from <= last;
}

/** The API's filter: the last day included becomes the day after, excluded. */
export function toAuditFilter(filters: AuditParams): AuditTrailFilterInput {
  return {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.last ? { to: addDays(filters.last, 1) } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.actorUserId ? { actorUserId: filters.actorUserId } : {}),
    ...(filters.partnershipId ? { partnershipId: filters.partnershipId } : {}),
  };
}

/** The CSV download of the same events: GET /exports/audit.csv with the API's filter as its query. */
export function auditCsvHref(filters: AuditParams): string {
  const query = new URLSearchParams(Object.entries(toAuditFilter(filters)) as [string, string][]).toString();
  return query ? `/exports/audit.csv?${query}` : '/exports/audit.csv';
}

/** "escalation.timeline_viewed" → "Escalation: timeline viewed"; "user.signed_in" → "User: signed in". */
export function actionLabel(action: string): string {
  const [subject = '', ...rest] = action.split('.');
  const words = (text: string) => text.replace(/_/g, ' ');
  const head = words(subject);
  const label = `${head.charAt(0).toUpperCase()}${head.slice(1)}`;
  return rest.length === 0 ? label : `${label}: ${rest.map(words).join(', ')}`;
}

/** "app_user" → "User"; "escalation" → "Escalation". */
export function recordTypeLabel(entityType: string): string {
  const known: Readonly<Record<string, string>> = { app_user: 'User', audit_event: 'Audit trail', import_session: 'Import' };
  const text = known[entityType] ?? entityType.replace(/_/g, ' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export interface ChangeRow {
  /** The field, as a dotted path for nested values: "stageEntry.stageCode". */
  readonly field: string;
  /** The value before, as text; null when the field was not there. */
  readonly before: string | null;
  readonly after: string | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function flatten(value: Json | undefined, prefix: string, into: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  if (prefix === '' || value === undefined) return;
  into.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * An event's changes as rows of field, before and after, in the order the fields first
 * appear; nested objects are spread into dotted fields. Unreadable JSON gives no rows.
 */
export function changeRows(changes: string): ChangeRow[] {
  let parsed: { before?: Json; after?: Json };
  try {
    parsed = JSON.parse(changes) as { before?: Json; after?: Json };
  } catch {
    return [];
  }
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  flatten(parsed.before ?? {}, '', before);
  flatten(parsed.after ?? {}, '', after);
  const fields = [...new Set([...before.keys(), ...after.keys()])];
  return fields.map((field) => ({ field, before: before.get(field) ?? null, after: after.get(field) ?? null }));
}

/** Actions a trail holds, offered as suggestions in the filter (any other can be typed). */
export const KNOWN_ACTIONS: readonly string[] = [
  'escalation.recorded',
  'escalation.stage_entered',
  'escalation.milestone_recorded',
  'escalation.resolved',
  'escalation.withdrawn',
  'escalation.marked_out_of_scope',
  'escalation.corrected',
  'escalation.timeline_viewed',
  'escalations.imported',
  'escalations.exported',
  'audit_trail.exported',
  'user.signed_in',
  'user.sign_in_failed',
  'user.locked_out',
  'user.signed_out',
];

/** Kinds of record events are about, for the record-type menu. */
export const KNOWN_RECORD_TYPES: readonly string[] = ['escalation', 'app_user', 'import_session', 'audit_event'];
