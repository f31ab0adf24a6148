import { localDateKey } from '@escalation-insights/shared';

/** The longest window compared on each side of a completion date: 26 weeks, about six months. */
export const LONGEST_WINDOW_DAYS = 182;
/** Below this many days after completion, the comparison is too soon to read. */
export const SHORTEST_WINDOW_DAYS = 28;
/** A window holding fewer escalations than this makes the comparison "too few to tell". */
export const FEWEST_ESCALATIONS = 10;
/** A month for rates: the mean calendar month, 365.25 ÷ 12 days. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Two windows of local dates (Europe/London), `from` included and `to` excluded. */
export interface ImpactWindows {
  readonly completedOn: string;
  /** L, the length of each window in days; 0 when no whole day has passed since completion. */
  readonly days: number;
  readonly before: { readonly from: string; readonly to: string };
  readonly after: { readonly from: string; readonly to: string };
}

/**
 * The windows compared for a completion date C, asked on local date T (today):
 *   L = min(182, T − C) days — the whole days elapsed since C, at most 26 weeks;
 *   before = [C − L, C), after = [C, C + L).
 * The after window never reaches today (today is not over), and both windows hold the
 * same number of days, so their counts compare directly. L ≤ 0 (completed today or
 * later) gives two empty windows.
 */
export function impactWindows(completedOn: string, now: Date): ImpactWindows {
  const today = localDateKey(now);
  const elapsed = daysBetween(completedOn, today);
  const days = Math.max(0, Math.min(LONGEST_WINDOW_DAYS, elapsed));
  return {
    completedOn,
    days,
    before: { from: addDays(completedOn, -days), to: completedOn },
    after: { from: completedOn, to: addDays(completedOn, days) },
  };
}

/** Escalations per month over a window of `days` days; null for an empty window. */
export function monthlyRate(count: number, days: number): number | null {
  return days > 0 ? (count * DAYS_PER_MONTH) / days : null;
}

/** Whole days from `from` to `to` (local date keys). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The local date key `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
