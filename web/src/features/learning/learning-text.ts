import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import { LEARNING_ACTION_TRANSITIONS, LEARNING_ITEM_TRANSITIONS, type LearningActionStatus, type LearningItemStatus } from '@escalation-insights/shared';
import { addDays } from '../../lib/dates';
import { formatDate, formatDecimal, formatPercent, pluralise } from '../../lib/format';
import type { GqlLearningActionStatus, GqlLearningGapKind, GqlLearningItemStatus, LearningItemDetail, ThemeImpact } from './learning.graphql';

/* How learning reads on the page: labels, the statuses a change may lead to, and what a refusal means. */

export const ITEM_STATUS_LABELS: Readonly<Record<GqlLearningItemStatus, string>> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  CLOSED: 'Closed',
};

export const GAP_KIND_LABELS: Readonly<Record<GqlLearningGapKind, string>> = {
  PRACTICE: 'Practice',
  POLICY: 'Policy',
  PROCEDURE: 'Procedure',
};

export const ACTION_STATUS_LABELS: Readonly<Record<GqlLearningActionStatus, string>> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  CANCELLED: 'Cancelled',
};

/** The status filter's values in the URL, lower case: ?status=in-progress. */
export const ITEM_STATUS_PARAM: Readonly<Record<string, GqlLearningItemStatus>> = {
  open: 'OPEN',
  'in-progress': 'IN_PROGRESS',
  completed: 'COMPLETED',
  closed: 'CLOSED',
};

const toGql = <T extends string>(status: string) => status.toUpperCase() as T;
const toDomain = <T extends string>(status: string) => status.toLowerCase() as T;

/** The statuses an ordinary edit may move an item to (shared/lifecycle rules), the current one first. */
export function itemStatusChoices(current: GqlLearningItemStatus): GqlLearningItemStatus[] {
  return [current, ...LEARNING_ITEM_TRANSITIONS[toDomain<LearningItemStatus>(current)].map((status) => toGql<GqlLearningItemStatus>(status))];
}

/** The statuses an action may move to, the current one first; none that would reopen it while the item is finished. */
export function actionStatusChoices(current: GqlLearningActionStatus, itemStatus: GqlLearningItemStatus): GqlLearningActionStatus[] {
  const finished = itemStatus === 'COMPLETED' || itemStatus === 'CLOSED';
  const next = LEARNING_ACTION_TRANSITIONS[toDomain<LearningActionStatus>(current)].map((status) => toGql<GqlLearningActionStatus>(status));
  return [current, ...next.filter((status) => !finished || status === 'DONE' || status === 'CANCELLED')];
}

/** Whether new actions may be added: not once the item is completed or closed. */
export function takesNewActions(status: GqlLearningItemStatus): boolean {
  return status === 'OPEN' || status === 'IN_PROGRESS';
}

/** "2 overdue" beside a count of open actions; the word carries the meaning, not a colour. */
export function actionSummary(open: number, overdue: number): string {
  if (open === 0) return 'None open';
  return overdue > 0 ? `${pluralise(open, 'open action')}, ${overdue} overdue` : pluralise(open, 'open action');
}

/** What went wrong with a change, in words a person can act on. */
export function learningProblem(error: ErrorLike): string {
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const code = first?.extensions?.['code'];
  if (code === 'VERSION_CONFLICT') {
    return 'Someone else changed this since you opened it. Reload the page to see their change, then make yours again.';
  }
  if (code === 'FORBIDDEN') return 'Your role cannot make this change.';
  if (code === 'UNAUTHENTICATED') return 'Your session has ended. Sign in again, then make the change.';
  const message = first?.message ?? error.message;
  // The API names the field at fault first ("completedOn: …"); the form already says which field it is.
  return message.replace(/^[a-zA-Z]+: /, '').replace(/^./, (letter) => letter.toUpperCase());
}

export interface BriefingSection {
  readonly heading: string;
  readonly text: string;
}

/** The sections of a 7-minute briefing, in order, leaving out those not yet written (as the PDF does). */
export function briefingSections(item: Pick<LearningItemDetail, 'background' | 'whyItMatters' | 'findings' | 'whatToDo'>): BriefingSection[] {
  return [
    { heading: 'Background', text: item.background },
    { heading: 'Why it matters', text: item.whyItMatters },
    { heading: 'What was found', text: item.findings },
    { heading: 'What to do', text: item.whatToDo },
  ].filter((section) => section.text.trim() !== '');
}

/** "Dudley · Procedure learning · Referred to the working group · 3 March 2025", as the PDF's subtitle. */
export function briefingSubtitle(item: Pick<LearningItemDetail, 'gapKind' | 'referredToGroup'>, partnershipName: string | null, today: string): string {
  const group = item.referredToGroup.trim();
  return [partnershipName, `${GAP_KIND_LABELS[item.gapKind]} learning`, group ? `Referred to ${group}` : null, formatDate(today)]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

/** The questions a textarea holds, one a line, blank lines dropped. */
export function parseQuestions(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** Where the briefing PDF is downloaded from. */
export function briefingPdfHref(item: { readonly id: string; readonly partnershipId: string }): string {
  return `/learning/${encodeURIComponent(item.id)}/briefing.pdf?partnershipId=${encodeURIComponent(item.partnershipId)}`;
}

/** A window [from, to) by its first and last days: "10 November 2024 to 28 February 2025". */
export function impactWindowText(window: { readonly from: string; readonly to: string }): string {
  return `${formatDate(window.from)} to ${formatDate(addDays(window.to, -1))}`;
}

/** The title of the "has it worked?" panel: what happened to the theme's monthly rate of escalations. */
export function impactFinding(impact: ThemeImpact): string {
  if (impact.windowDays === 0) return 'Has it worked? Too soon to tell';
  const { before, after } = impact;
  if (before.perMonth === null || after.perMonth === null) {
    return `Has it worked? ${before.escalations.display} escalations on the theme before completion, ${after.escalations.display} after`;
  }
  const rates = `${formatDecimal(before.perMonth)} to ${formatDecimal(after.perMonth)} a month`;
  const tentative = impact.tooFewToTell ? ', too few to tell' : '';
  if (impact.change === null || Math.abs(impact.change) < 0.005) return `Has it worked? Escalations on the theme went from ${rates}${tentative}`;
  return `Has it worked? Escalations on the theme ${impact.change < 0 ? 'fell' : 'rose'} by ${formatPercent(Math.abs(impact.change))}, from ${rates}${tentative}`;
}
