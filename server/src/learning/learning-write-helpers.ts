import type { LearningGapKind, LearningItemStatus } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import type { JsonValue } from '../audit/audit-hash.js';
import { LearningErrorCode, LearningException } from './learning.exception.js';

/** A learning item's own columns, as locked for a change. */
export interface LockedLearningItem {
  readonly partnershipId: string;
  readonly id: string;
  readonly title: string;
  readonly gapKind: LearningGapKind;
  readonly description: string;
  readonly referredToGroup: string;
  readonly status: LearningItemStatus;
  readonly background: string;
  readonly whyItMatters: string;
  readonly findings: string;
  readonly whatToDo: string;
  readonly questions: readonly string[];
  readonly completedOn: string | null;
  readonly version: number;
}

export type LearningItemField = Exclude<keyof LockedLearningItem, 'partnershipId' | 'id' | 'version'>;

/** Each editable field of an item and its column. */
export const LEARNING_ITEM_COLUMNS: Readonly<Record<LearningItemField, string>> = {
  title: 'title',
  gapKind: 'gap_kind',
  description: 'description',
  referredToGroup: 'referred_to_group',
  status: 'status',
  background: 'background',
  whyItMatters: 'why_it_matters',
  findings: 'findings',
  whatToDo: 'what_to_do',
  questions: 'questions',
  completedOn: 'completed_on',
};

/**
 * Locks an item for the rest of the transaction (SELECT … FOR UPDATE): changes to an item,
 * its links and its actions are made one at a time, so that, say, an action cannot be
 * added while the item is being completed. Checks the version when one is expected.
 * @throws LearningException LEARNING_ITEM_NOT_FOUND, VERSION_CONFLICT
 */
export async function lockLearningItem(
  manager: EntityManager,
  partnershipId: string,
  id: string,
  options: { readonly expectedVersion?: number; readonly field?: string } = {},
): Promise<LockedLearningItem> {
  const rows: LockedLearningItem[] = await manager.query(
    `SELECT partnership_id::text AS "partnershipId", id::text AS id, title, gap_kind AS "gapKind", description,
            referred_to_group AS "referredToGroup", status, background, why_it_matters AS "whyItMatters", findings,
            what_to_do AS "whatToDo", questions, to_char(completed_on, 'YYYY-MM-DD') AS "completedOn", version
     FROM learning_item WHERE partnership_id = $1 AND id = $2 FOR UPDATE`,
    [partnershipId, id],
  );
  const item = rows[0];
  if (!item) throw LearningException.itemNotFound(partnershipId, id, options.field);
  if (options.expectedVersion !== undefined && item.version !== options.expectedVersion) {
    throw LearningException.versionConflict('learning item', options.expectedVersion, item.version);
  }
  return item;
}

/**
 * Refuses ids that are not escalations of the partnership (row-level security hides
 * other partnerships' escalations, so they are "not found" too).
 * @throws LearningException ESCALATION_NOT_FOUND
 */
export async function requireEscalations(manager: EntityManager, partnershipId: string, ids: readonly string[]): Promise<void> {
  const rows: { id: string }[] = await manager.query(
    'SELECT id::text AS id FROM escalation WHERE partnership_id = $1 AND id = ANY($2::bigint[])',
    [partnershipId, [...ids]],
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw LearningException.invalid(
      LearningErrorCode.ESCALATION_NOT_FOUND,
      'escalationIds',
      `partnership ${partnershipId} has no escalation with id ${missing.join(', ')}`,
      { escalationIds: missing },
    );
  }
}

/** The ids among `ids` already linked to the item. */
export async function linkedAmong(manager: EntityManager, partnershipId: string, itemId: string, ids: readonly string[]): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT escalation_id::text AS id FROM learning_item_escalation
     WHERE partnership_id = $1 AND learning_item_id = $2 AND escalation_id = ANY($3::bigint[])`,
    [partnershipId, itemId, [...ids]],
  );
  return rows.map((row) => row.id);
}

/** Trims the questions and drops blank ones. */
export function cleanQuestions(questions: readonly string[]): string[] {
  return questions.map((question) => question.trim()).filter((question) => question !== '');
}

/** The fields whose values differ, as audit before/after records. */
export function changedValues<T extends object>(before: T, after: Partial<T>): { fields: (keyof T & string)[]; before: Record<string, JsonValue>; after: Record<string, JsonValue> } {
  const fields = (Object.keys(after) as (keyof T & string)[]).filter((field) => after[field] !== undefined && !same(before[field], after[field]));
  return {
    fields,
    before: Object.fromEntries(fields.map((field) => [field, before[field] as JsonValue])),
    after: Object.fromEntries(fields.map((field) => [field, after[field] as JsonValue])),
  };
}

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((value, i) => value === b[i]) : a === b;
}

/** The entries whose value is neither undefined nor null (null means "leave as it is" in these inputs). */
export function definedOnly<T extends object>(values: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null)) as Partial<{ [K in keyof T]: NonNullable<T[K]> }>;
}
