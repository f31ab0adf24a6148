import type { UserRole } from './vocabulary.js';

/**
 * The roles that see record-level detail — escalation summaries, timelines, child keys —
 * and exact small counts (DESIGN.md §4.5; docs/access-matrix.md says why these two).
 * Every other role sees aggregates, with counts from 1 to 4 shown as "<5".
 */
export const RECORD_LEVEL_ROLES: readonly UserRole[] = ['business_unit', 'scrutineer'];

export function seesRecordLevelDetail(role: UserRole | null): boolean {
  return role !== null && RECORD_LEVEL_ROLES.includes(role);
}

/**
 * Whether counts shown to `role` must be small-number suppressed: always for an export
 * marked for publication, otherwise for every role without record-level access
 * (and for no role at all, i.e. anyone not signed in).
 */
export function suppressesSmallNumbers(role: UserRole | null, options: { readonly forPublication?: boolean } = {}): boolean {
  return options.forPublication === true || !seesRecordLevelDetail(role);
}
