import { addDays, addMonths, daysBetween, financialYearOf, isIsoDate } from '../../lib/dates';
import { formatDate, formatFinancialYear, formatQuarter } from '../../lib/format';

/*
 * The period every statistic covers: escalations raised in [from, to), both calendar
 * dates (DESIGN.md §4). A period is chosen as one of a few quick choices, resolved
 * against today's date, or as two dates of the user's own.
 */

export type PeriodChoice =
  | { readonly kind: 'last-quarter' }
  | { readonly kind: 'last-12-months' }
  | { readonly kind: 'financial-year'; readonly startYear: number }
  | { readonly kind: 'custom'; readonly from: string; readonly to: string };

/** A half-open range of calendar dates: from is the first day in it, to the first day after it. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export const DEFAULT_PERIOD: PeriodChoice = { kind: 'last-12-months' };

/** The earliest financial year offered as a quick choice (the demo data starts three years back). */
export const FINANCIAL_YEARS_OFFERED = 4;

/** The start of the financial-year quarter holding `iso` (1 April, 1 July, 1 October or 1 January). */
export function quarterStart(iso: string): string {
  const [year, month] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const startMonth = month - ((month - 1) % 3);
  return `${year}-${String(startMonth).padStart(2, '0')}-01`;
}

/**
 * The dates a choice covers, as at `today`. Quick choices are whole periods, so that a
 * comparison with the period before is fair and monthly charts have no part-months:
 * - last quarter: the last complete financial-year quarter (quarters run April–June, July–September…);
 * - last 12 months: the twelve complete calendar months before the current one;
 * - a financial year: 1 April to 31 March, cut at today while it is still running;
 * - custom: as given.
 */
export function resolvePeriod(choice: PeriodChoice, today: string): DateRange {
  const tomorrow = addDays(today, 1);
  switch (choice.kind) {
    case 'last-quarter': {
      const to = quarterStart(today);
      return { from: addMonths(to, -3), to };
    }
    case 'last-12-months': {
      const to = `${today.slice(0, 7)}-01`;
      return { from: addMonths(to, -12), to };
    }
    case 'financial-year': {
      const from = `${choice.startYear}-04-01`;
      const end = `${choice.startYear + 1}-04-01`;
      return { from, to: end < tomorrow ? end : tomorrow };
    }
    case 'custom':
      return { from: choice.from, to: choice.to };
  }
}

/** The equal-length period just before `range`, as the headline figures compare against. */
export function previousRange(range: DateRange): DateRange {
  const days = daysBetween(range.from, range.to);
  return { from: addDays(range.from, -days), to: range.from };
}

/** The financial years offered as quick choices, newest first, by start year. */
export function offeredFinancialYears(today: string): number[] {
  const current = financialYearOf(today);
  return Array.from({ length: FINANCIAL_YEARS_OFFERED }, (_, index) => current - index);
}

/** The choice's name in the period menu: "Last quarter (Q2 2025/26)", "Financial year 2024/25". */
export function periodChoiceLabel(choice: PeriodChoice, today: string): string {
  switch (choice.kind) {
    case 'last-quarter':
      return `Last quarter (${formatQuarter(resolvePeriod(choice, today).from)})`;
    case 'last-12-months':
      return 'Last 12 months';
    case 'financial-year': {
      const running = financialYearOf(today) === choice.startYear;
      return `Financial year ${formatFinancialYear(choice.startYear)}${running ? ' (so far)' : ''}`;
    }
    case 'custom':
      return 'Dates of your choosing';
  }
}

/** The last day in a range, for people: [2025-04-01, 2026-04-01) ends on 31 March 2026. */
export function lastDayOf(range: DateRange): string {
  return addDays(range.to, -1);
}

/** "1 April 2025 to 31 March 2026" (or one date when the range is a single day). */
export function describeRange(range: DateRange): string {
  const last = lastDayOf(range);
  return last === range.from ? formatDate(range.from) : `${formatDate(range.from)} to ${formatDate(last)}`;
}

/** Whether a custom range is usable: two real dates, from before to. */
export function isValidRange(range: { readonly from: string; readonly to: string }): boolean {
  return isIsoDate(range.from) && isIsoDate(range.to) && range.from < range.to;
}
