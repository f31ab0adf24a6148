import { financialYearOf, isIsoDate, isoDateToUtc } from './dates';

/*
 * How numbers, dates and periods read on every page (DASHBOARD.md, conventions):
 * thousands separators, "3 March 2025", "Q1 2025/26" for financial-year quarters.
 */

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** 12345 → "12,345". */
export function formatNumber(value: number): string {
  return wholeNumber.format(value);
}

/** A measure with at most one decimal place: 4.25 → "4.3", 1200 → "1,200". */
export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}

/** A share from 0 to 1 as a percentage: 0.714 → "71%"; one decimal place under 1% ("0.4%"), so that a small share never reads as none. */
export function formatPercent(share: number): string {
  const percent = share * 100;
  if (percent > 0 && percent < 1) return `${oneDecimal.format(percent)}%`;
  return `${wholeNumber.format(percent)}%`;
}

/** A change in percentage points: 0.052 → "up 5 points", -0.01 → "down 1 point". */
export function formatPointsChange(change: number): string {
  const points = Math.round(Math.abs(change) * 100);
  if (points === 0) return 'no change';
  return `${change > 0 ? 'up' : 'down'} ${formatNumber(points)} ${points === 1 ? 'point' : 'points'}`;
}

/** A change in a count: 12 → "up 12", -3 → "down 3", 0 → "no change". */
export function formatCountChange(change: number): string {
  if (change === 0) return 'no change';
  return `${change > 0 ? 'up' : 'down'} ${formatNumber(Math.abs(change))}`;
}

const londonLongDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const utcLongDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const londonTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const utcMonthYear = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const utcShortMonthYear = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });

/**
 * "3 March 2025". A calendar date (YYYY-MM-DD) is read as written; an instant (an ISO
 * timestamp or a Date) is read in Europe/London, where the partnerships are.
 */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && isIsoDate(value)) return utcLongDate.format(isoDateToUtc(value));
  return londonLongDate.format(typeof value === 'string' ? new Date(value) : value);
}

/** An instant with its London clock time: "3 March 2025 at 14:05". */
export function formatDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${londonLongDate.format(date)} at ${londonTime.format(date)}`;
}

/** A month given by any date in it (YYYY-MM-DD): "March 2025", or "Mar 2025" when short. */
export function formatMonth(iso: string, options: { readonly short?: boolean } = {}): string {
  const date = isoDateToUtc(iso.length === 7 ? `${iso}-01` : iso);
  return (options.short ? utcShortMonthYear : utcMonthYear).format(date);
}

/** A financial year by its start year: 2025 → "2025/26". */
export function formatFinancialYear(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The financial-year quarter (April–March) holding a date: 2025-04-01 → "Q1 2025/26", 2026-02-10 → "Q4 2025/26". */
export function formatQuarter(iso: string): string {
  const month = isoDateToUtc(iso.length === 7 ? `${iso}-01` : iso).getUTCMonth();
  const quarter = Math.floor(((month + 9) % 12) / 3) + 1;
  return `Q${quarter} ${formatFinancialYear(financialYearOf(iso.length === 7 ? `${iso}-01` : iso))}`;
}

/** A duration in days with its unit: 1 → "1 day", 2.46 → "2.5 days". */
export function formatDays(days: number, unit: 'days' | 'working days' | 'hours' = 'days'): string {
  const singular = unit === 'days' ? 'day' : unit === 'working days' ? 'working day' : 'hour';
  return `${formatDecimal(days)} ${Math.abs(days) === 1 ? singular : unit}`;
}

/** "1 escalation", "1,204 escalations". */
export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}
