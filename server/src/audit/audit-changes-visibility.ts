import { seesRecordLevelDetail, type UserRole } from '@escalation-insights/shared';

/**
 * Kinds of record whose audit events carry no record-level detail: configuration that
 * administrators keep, and the users and their sign-ins. Every other event (about
 * escalations, their stages and milestones, imports, exports, the strategic log,
 * learning) may carry summaries, notes or references in its changes.
 */
export const CONFIGURATION_ENTITY_TYPES: ReadonlySet<string> = new Set([
  'partnership',
  'agency',
  'protocol',
  'protocol_stage',
  'protocol_category',
  'timescale_rule',
  'app_user',
  'audit_event',
]);

/**
 * Whether `role` may read an event's before and after values: record-level roles
 * (scrutineers) always; anyone else — administrators — only for configuration and
 * sign-in events. Administrators still see who did what to which record and when, and
 * every hash, so the trail's shape and integrity stay checkable by them.
 */
export function mayReadChanges(role: UserRole | null, entityType: string): boolean {
  return seesRecordLevelDetail(role) || CONFIGURATION_ENTITY_TYPES.has(entityType);
}
