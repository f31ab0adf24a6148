import { createHash } from 'node:crypto';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Before and after values of the fields an action changed (only those). */
export interface AuditChanges {
  readonly before: Readonly<Record<string, JsonValue>>;
  readonly after: Readonly<Record<string, JsonValue>>;
}

/** The fields of an audit event that its hash covers: everything but the hashes themselves. */
export interface HashedAuditFields {
  readonly id: string;
  readonly partnershipId: string | null;
  /** ISO 8601 with milliseconds, as set by the app. */
  readonly occurredAt: string;
  readonly actorUserId: string | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly changes: JsonValue;
  readonly requestIp: string | null;
  readonly requestId: string | null;
}

/**
 * JSON with object keys sorted (recursively) and no whitespace, so that the same value
 * always gives the same text, whatever key order jsonb hands back.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => canonicalJson(item)).join(',')}]`;
  const object = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key] as JsonValue)}`).join(',')}}`;
}

/**
 * The hash of an event: SHA-256 (hex) over the previous event's hash of the same
 * partnership (empty for the first event) and the canonical JSON of the event's
 * fields. Changing, removing or reordering any event breaks every hash after it.
 */
export function auditEventHash(previousHash: string | null, fields: HashedAuditFields): string {
  const { changes, ...rest } = fields;
  const payload = canonicalJson({ ...rest, changes });
  return createHash('sha256').update(previousHash ?? '').update('\n').update(payload).digest('hex');
}

/** A value made plain JSON (dates to ISO strings, undefined dropped), as jsonb will give it back. */
export function toJsonValue(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}
