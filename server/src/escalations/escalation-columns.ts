import type { JsonValue } from '../audit/audit-hash.js';
import type { EscalationEntity } from './entities/escalation.entity.js';

/** The columns of `escalation` that writes change (keys, version and timestamps are handled apart). */
export const ESCALATION_COLUMNS = {
  reference: 'reference',
  childKey: 'child_key',
  raisedAt: 'raised_at',
  raisingAgencyId: 'raising_agency_id',
  raisingRole: 'raising_role',
  receivingAgencyId: 'receiving_agency_id',
  categoryCode: 'category_code',
  urgency: 'urgency',
  raisedVia: 'raised_via',
  summary: 'summary',
  status: 'status',
  outcome: 'outcome',
  closedAt: 'closed_at',
  currentStageCode: 'current_stage_code',
  highestTier: 'highest_tier',
  highestStageOrder: 'highest_stage_order',
  resolvedTier: 'resolved_tier',
  writtenConfirmationGiven: 'written_confirmation_given',
  feedbackGiven: 'feedback_given',
} as const satisfies Partial<Record<keyof EscalationEntity, string>>;

export type EscalationField = keyof typeof ESCALATION_COLUMNS;
export type EscalationColumns = Pick<EscalationEntity, EscalationField>;
export const ESCALATION_FIELDS = Object.keys(ESCALATION_COLUMNS) as EscalationField[];

export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** The fields whose value in `next` differs from `current`. */
export function changedFields(current: EscalationColumns, next: Partial<EscalationColumns>): EscalationField[] {
  return ESCALATION_FIELDS.filter((field) => field in next && next[field] !== undefined && !sameValue(current[field], next[field]));
}

/**
 * A value as the audit trail and corrections keep it: instants as ISO text, and the
 * child key never copied (only whether there is one).
 */
export function recordedValue(field: string, value: unknown): JsonValue {
  if (field === 'childKey') return value === null || value === undefined ? null : 'pseudonymised';
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value as JsonValue;
}

export function recordedValues(values: object, fields: readonly string[] = Object.keys(values)): Record<string, JsonValue> {
  const record = values as Readonly<Record<string, unknown>>;
  return Object.fromEntries(fields.map((field) => [field, recordedValue(field, record[field])]));
}
