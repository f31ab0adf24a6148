import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import { formatDate, formatDecimal, formatPercent } from '../../lib/format';
import type { LogStatus, ThemeImpact } from './strategic-log.graphql';

/* Words for the strategic log's pages: statuses, review dates, refusals and "Has it worked?". */

export const LOG_STATUS_LABELS: Readonly<Record<LogStatus, string>> = {
  OPEN: 'Open',
  UNDER_REVIEW: 'Under review',
  ACTIONED: 'Actioned',
  CLOSED: 'Closed',
};

export const LOG_STATUSES: readonly LogStatus[] = ['OPEN', 'UNDER_REVIEW', 'ACTIONED', 'CLOSED'];

/**
 * The statuses an entry may move to, as the API allows: STRATEGIC_LOG_TRANSITIONS in
 * shared, spelled as GraphQL names them (the spec checks the two agree; the web imports
 * nothing but types from shared, to keep its bundle small).
 */
export const LOG_TRANSITIONS: Readonly<Record<LogStatus, readonly LogStatus[]>> = {
  OPEN: ['UNDER_REVIEW', 'ACTIONED', 'CLOSED'],
  UNDER_REVIEW: ['OPEN', 'ACTIONED', 'CLOSED'],
  ACTIONED: ['UNDER_REVIEW', 'CLOSED'],
  CLOSED: ['UNDER_REVIEW'],
};

export function nextStatuses(status: LogStatus): readonly LogStatus[] {
  return LOG_TRANSITIONS[status];
}

/** "3 March 2025", "3 March 2025 (overdue)", or "None set". The word says it, not a colour. */
export function reviewDateText(entry: { readonly reviewDate: string | null; readonly isOverdue: boolean }): string {
  if (!entry.reviewDate) return 'None set';
  return entry.isOverdue ? `${formatDate(entry.reviewDate)} (overdue)` : formatDate(entry.reviewDate);
}

const PROBLEMS: Readonly<Record<string, string>> = {
  VERSION_CONFLICT: 'Someone else changed this entry after you opened it. Reload the page to see their change, then make yours again.',
  NOTHING_TO_CHANGE: 'Nothing was changed: the entry already says this.',
  THEME_ALREADY_ON_LOG: 'This theme is already on the strategic log.',
};

/** What to tell the person whose change was refused: the API's own sentence, unless a plainer one is known. */
export function logProblem(error: ErrorLike): { readonly message: string; readonly code: string | null; readonly entryId: string | null } {
  if (!CombinedGraphQLErrors.is(error) || !error.errors[0]) {
    return { message: 'The change could not be saved: check your connection and try again.', code: null, entryId: null };
  }
  const first = error.errors[0];
  const code = typeof first.extensions?.['code'] === 'string' ? first.extensions['code'] : null;
  const entryId = typeof first.extensions?.['entryId'] === 'string' ? first.extensions['entryId'] : null;
  const message = (code && PROBLEMS[code]) ?? first.message.replace(/^[A-Za-z.]+: /, '');
  return { message: message.charAt(0).toUpperCase() + message.slice(1), code, entryId };
}

/** The "Has it worked?" panel's title: the finding, or why there is none. */
export function impactFinding(impact: ThemeImpact): string {
  if (impact.windowDays === 0) return 'Too soon to tell whether the theme has eased';
  const { before, after } = impact;
  if (before.perMonth === null || after.perMonth === null) {
    return `Escalations on this theme: ${before.escalations.display} before completion and ${after.escalations.display} after`;
  }
  const rates = `${formatDecimal(before.perMonth)} to ${formatDecimal(after.perMonth)} a month`;
  const caveat = impact.tooFewToTell ? ' (too few to tell)' : '';
  if (impact.change === null || Math.abs(impact.change) < 0.005) return `Escalations on this theme went from ${rates}${caveat}`;
  const direction = impact.change < 0 ? 'fell' : 'rose';
  return `Escalations on this theme ${direction} by ${formatPercent(Math.abs(impact.change))}, from ${rates}${caveat}`;
}

/** "1 April to 30 June 2025" for a window [from, to). */
export function windowText(window: { readonly from: string; readonly to: string }): string {
  const last = new Date(Date.parse(`${window.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return `${formatDate(window.from)} to ${formatDate(last)}`;
}
