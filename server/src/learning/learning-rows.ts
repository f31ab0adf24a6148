import {
  isLearningActionOverdue,
  type LearningActionStatus,
  type LearningGapKind,
  type LearningItemStatus,
} from '@escalation-insights/shared';
import { CountBook } from '../analytics/suppression.js';
import type { LearningAction } from './models/learning-action.model.js';
import type { LearningItem } from './models/learning-item.model.js';

/*
 * The learning tables as the API reads them: hand-written SELECT lists (ids as text,
 * dates as YYYY-MM-DD) and the mappers from their rows to the GraphQL models.
 */

export interface LearningItemRow {
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
  readonly questions: string[];
  readonly completedOn: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly escalationCount: number;
  readonly openActionCount: number;
  readonly overdueActionCount: number;
}

/**
 * An item (alias `i`) with its counts. `$1` must be today's date in Europe/London: an
 * action is overdue from the day after it was due.
 */
export const LEARNING_ITEM_SELECT = `
  SELECT i.partnership_id::text AS "partnershipId", i.id::text AS id, i.title, i.gap_kind AS "gapKind", i.description,
         i.referred_to_group AS "referredToGroup", i.status, i.background, i.why_it_matters AS "whyItMatters", i.findings,
         i.what_to_do AS "whatToDo", i.questions, to_char(i.completed_on, 'YYYY-MM-DD') AS "completedOn", i.version,
         i.created_at AS "createdAt", i.updated_at AS "updatedAt",
         linked.escalations AS "escalationCount", actions.open AS "openActionCount", actions.overdue AS "overdueActionCount"
  FROM learning_item i
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS escalations FROM learning_item_escalation x
    WHERE x.partnership_id = i.partnership_id AND x.learning_item_id = i.id
  ) linked
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE a.status IN ('not_started', 'in_progress'))::int AS open,
           count(*) FILTER (WHERE a.status IN ('not_started', 'in_progress') AND a.due_on < $1::date)::int AS overdue
    FROM learning_action a WHERE a.partnership_id = i.partnership_id AND a.learning_item_id = i.id
  ) actions`;

/** Record-level roles see how many escalations an item was drawn from; others see "<5" for 1 to 4 (DESIGN.md §4.5). */
export function toLearningItem(row: LearningItemRow, suppressSmallNumbers: boolean): LearningItem {
  const book = new CountBook();
  book.add('escalations', row.escalationCount);
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    title: row.title,
    gapKind: row.gapKind,
    description: row.description,
    referredToGroup: row.referredToGroup,
    status: row.status,
    background: row.background,
    whyItMatters: row.whyItMatters,
    findings: row.findings,
    whatToDo: row.whatToDo,
    questions: row.questions,
    completedOn: row.completedOn,
    escalationCount: book.settle(suppressSmallNumbers).figure('escalations'),
    openActionCount: row.openActionCount,
    overdueActionCount: row.overdueActionCount,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export interface LearningActionRow {
  readonly partnershipId: string;
  readonly id: string;
  readonly learningItemId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueOn: string | null;
  readonly status: LearningActionStatus;
  readonly evidenceOfImpact: string;
  readonly completedOn: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Actions (alias `a`). */
export const LEARNING_ACTION_SELECT = `
  SELECT a.partnership_id::text AS "partnershipId", a.id::text AS id, a.learning_item_id::text AS "learningItemId",
         a.description, a.owner, to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status, a.evidence_of_impact AS "evidenceOfImpact",
         to_char(a.completed_on, 'YYYY-MM-DD') AS "completedOn", a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"
  FROM learning_action a`;

/** Soonest due first (undated last), then in the order they were added. */
export const LEARNING_ACTION_ORDER = 'a.due_on ASC NULLS LAST, a.id ASC';

export function toLearningAction(row: LearningActionRow, today: string): LearningAction {
  return { ...row, isOverdue: isLearningActionOverdue(row, today) };
}
