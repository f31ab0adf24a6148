import type { LearningActionStatus, LearningItemStatus } from '../domain/vocabulary.js';

/**
 * The rules a learning item and its actions keep, as data and pure functions, so that the
 * API refuses a change, and the web app offers only the changes, by the same rules.
 *
 * Dates here are local calendar dates in Europe/London written YYYY-MM-DD ("date keys"),
 * which compare correctly as strings; `today` is the partnership's today.
 */

export const LEARNING_RULE_CODES = [
  'STATUS_CHANGE_NOT_ALLOWED',
  'COMPLETED_ON_REQUIRED',
  'COMPLETED_ON_NOT_ALLOWED',
  'DATE_IN_FUTURE',
  'ACTIONS_STILL_OPEN',
  'LEARNING_ITEM_FINISHED',
] as const;
export type LearningRuleCode = (typeof LEARNING_RULE_CODES)[number];

export interface LearningViolation {
  readonly code: LearningRuleCode;
  /** The input field at fault, as the API names it. */
  readonly field: string;
  readonly message: string;
}

export type LearningChecked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly violation: LearningViolation };

const fail = (code: LearningRuleCode, field: string, message: string): { ok: false; violation: LearningViolation } => ({
  ok: false,
  violation: { code, field, message },
});

const words = (status: string): string => status.replace(/_/g, ' ');

/**
 * Where an action may go from each status. "Done" may be reopened (back to in progress),
 * and a cancelled action taken up again; moving to done needs the date it was done.
 */
export const LEARNING_ACTION_TRANSITIONS: Readonly<Record<LearningActionStatus, readonly LearningActionStatus[]>> = {
  not_started: ['in_progress', 'done', 'cancelled'],
  in_progress: ['not_started', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['not_started', 'in_progress'],
};

/**
 * Where an item may go by an ordinary edit. An item becomes `completed` only by being
 * completed (with a date, once its actions are finished: `checkLearningCompletion`);
 * a completed or closed item is reopened by moving it back to in progress.
 */
export const LEARNING_ITEM_TRANSITIONS: Readonly<Record<LearningItemStatus, readonly LearningItemStatus[]>> = {
  open: ['in_progress', 'closed'],
  in_progress: ['open', 'closed'],
  completed: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

/** Statuses of an action still to be finished: the ones that can be overdue. */
export const OPEN_LEARNING_ACTION_STATUSES: readonly LearningActionStatus[] = ['not_started', 'in_progress'];

/** Statuses of an item that take no new action and no reopened action. */
export const FINISHED_LEARNING_ITEM_STATUSES: readonly LearningItemStatus[] = ['completed', 'closed'];

export interface LearningActionState {
  readonly status: LearningActionStatus;
  /** Set exactly when the action is done. */
  readonly completedOn: string | null;
}

export interface LearningActionRequest {
  /** The status asked for; undefined keeps the current one. */
  readonly status?: LearningActionStatus;
  /** The completion date asked for; undefined keeps the current one (when still done). */
  readonly completedOn?: string;
}

/**
 * The state an action would be in after a change, or why it may not change:
 * - the status may move only along LEARNING_ACTION_TRANSITIONS (a new action may start in any);
 * - an action is done exactly when it has a completion date, which may not lie after today;
 * - while its item is completed or closed, an action may not be reopened.
 * `current` null: a new action (its status defaults to not started).
 */
export function planLearningActionChange(
  current: LearningActionState | null,
  request: LearningActionRequest,
  context: { readonly today: string; readonly itemStatus: LearningItemStatus },
): LearningChecked<LearningActionState> {
  const from = current?.status ?? null;
  const status = request.status ?? from ?? 'not_started';
  if (from !== null && status !== from && !LEARNING_ACTION_TRANSITIONS[from].includes(status)) {
    return fail('STATUS_CHANGE_NOT_ALLOWED', 'status', `An action that is ${words(from)} cannot become ${words(status)}; ${describeTargets(LEARNING_ACTION_TRANSITIONS[from])}.`);
  }
  const finished = FINISHED_LEARNING_ITEM_STATUSES.includes(context.itemStatus);
  if (finished && OPEN_LEARNING_ACTION_STATUSES.includes(status) && (from === null || !OPEN_LEARNING_ACTION_STATUSES.includes(from))) {
    return fail(
      'LEARNING_ITEM_FINISHED',
      from === null ? 'learningItemId' : 'status',
      `The learning item is ${words(context.itemStatus)}: it takes no ${from === null ? 'new open action' : 'reopened action'}. Move the item back to in progress first.`,
    );
  }
  if (status !== 'done') {
    if (request.completedOn !== undefined) {
      return fail('COMPLETED_ON_NOT_ALLOWED', 'completedOn', `Only a done action has a completion date; this one would be ${words(status)}.`);
    }
    return { ok: true, value: { status, completedOn: null } };
  }
  const completedOn = request.completedOn ?? (from === 'done' ? (current?.completedOn ?? null) : null);
  if (completedOn === null) return fail('COMPLETED_ON_REQUIRED', 'completedOn', 'An action marked done needs the date it was done (completedOn).');
  if (completedOn > context.today) {
    return fail('DATE_IN_FUTURE', 'completedOn', `completedOn ${completedOn} is after today (${context.today}): an action is marked done once it has been done.`);
  }
  return { ok: true, value: { status, completedOn } };
}

/** An action is overdue when its due date has passed (before today) and it is neither done nor cancelled. */
export function isLearningActionOverdue(action: { readonly status: LearningActionStatus; readonly dueOn: string | null }, today: string): boolean {
  return action.dueOn !== null && action.dueOn < today && OPEN_LEARNING_ACTION_STATUSES.includes(action.status);
}

export interface LearningItemState {
  readonly status: LearningItemStatus;
  readonly completedOn: string | null;
}

/**
 * An ordinary status change of an item (not completing it): along LEARNING_ITEM_TRANSITIONS.
 * Reopening (back to open or in progress) clears the completion date; closing keeps it.
 */
export function planLearningItemStatus(current: LearningItemState, status: LearningItemStatus): LearningChecked<LearningItemState> {
  if (status === current.status) return { ok: true, value: current };
  if (status === 'completed') {
    return fail('STATUS_CHANGE_NOT_ALLOWED', 'status', 'An item is completed by completing it, with the date its actions were finished (completeLearningItem).');
  }
  if (!LEARNING_ITEM_TRANSITIONS[current.status].includes(status)) {
    return fail('STATUS_CHANGE_NOT_ALLOWED', 'status', `A learning item that is ${words(current.status)} cannot become ${words(status)}; ${describeTargets(LEARNING_ITEM_TRANSITIONS[current.status])}.`);
  }
  return { ok: true, value: { status, completedOn: status === 'closed' ? current.completedOn : null } };
}

/**
 * Completing an item on `completedOn`: not a closed one (reopen it first), not on a date
 * after today, and only once every action is done or cancelled. A completed item may be
 * completed again to put its date right.
 */
export function checkLearningCompletion(
  current: LearningItemState,
  completedOn: string,
  context: { readonly today: string; readonly openActions: number },
): LearningViolation | null {
  if (current.status === 'closed') {
    return { code: 'STATUS_CHANGE_NOT_ALLOWED', field: 'id', message: 'A closed learning item cannot be completed; move it back to in progress first.' };
  }
  if (completedOn > context.today) {
    return { code: 'DATE_IN_FUTURE', field: 'completedOn', message: `completedOn ${completedOn} is after today (${context.today}).` };
  }
  if (context.openActions > 0) {
    return {
      code: 'ACTIONS_STILL_OPEN',
      field: 'id',
      message: `${context.openActions === 1 ? '1 action is' : `${context.openActions} actions are`} not yet done or cancelled; finish ${context.openActions === 1 ? 'it' : 'them'} before completing the item.`,
    };
  }
  return null;
}

function describeTargets(targets: readonly string[]): string {
  return `it can become ${targets.map(words).join(' or ')}`;
}
