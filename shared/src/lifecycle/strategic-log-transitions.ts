import type { StrategicLogStatus } from '../domain/vocabulary.js';

/**
 * How a strategic-log entry may move between statuses, as data. An entry starts `open`;
 * the executive takes it `under_review`, reports it `actioned` once the agreed action is
 * taken, and `closed` when nothing more is needed. An entry may go back a step when the
 * problem persists (a closed entry is reopened for review, not straight to open), and an
 * open or reviewed entry may be closed without action (a duplicate, or no longer a concern).
 */
export const STRATEGIC_LOG_TRANSITIONS: Readonly<Record<StrategicLogStatus, readonly StrategicLogStatus[]>> = {
  open: ['under_review', 'actioned', 'closed'],
  under_review: ['open', 'actioned', 'closed'],
  actioned: ['under_review', 'closed'],
  closed: ['under_review'],
};

/** Statuses whose entry counts as completed, for "Has it worked?": the action has been taken. */
export const COMPLETED_LOG_STATUSES: readonly StrategicLogStatus[] = ['actioned', 'closed'];

export type LogStatusCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Whether an entry in status `from` may move to `to`; the reason, in words, when not. */
export function checkLogStatusChange(from: StrategicLogStatus, to: StrategicLogStatus): LogStatusCheck {
  if (from === to) return { ok: false, reason: `the entry is already ${statusWords(to)}` };
  if (STRATEGIC_LOG_TRANSITIONS[from].includes(to)) return { ok: true };
  const allowed = STRATEGIC_LOG_TRANSITIONS[from].map(statusWords).join(', ');
  return { ok: false, reason: `an entry that is ${statusWords(from)} cannot become ${statusWords(to)}; it may become ${allowed}` };
}

/**
 * The completion date an entry keeps after a status change: a move into a completed
 * status sets it to `today` unless it already has one; a move out of both completed
 * statuses clears it (the action is no longer taken as done).
 */
export function completionAfterChange(to: StrategicLogStatus, current: string | null, today: string): string | null {
  if (!COMPLETED_LOG_STATUSES.includes(to)) return null;
  return current ?? today;
}

function statusWords(status: StrategicLogStatus): string {
  return status.replace('_', ' ');
}
