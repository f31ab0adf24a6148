/**
 * Periods of raising, as local calendar dates (`YYYY-MM-DD`, Europe/London). A period is
 * half-open, [from, to): from's midnight up to, not including, to's midnight. Pure
 * calendar arithmetic on dates; instants are made from them in SQL
 * (`date::timestamp AT TIME ZONE 'Europe/London'`).
 */
export interface Period {
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`, or null when it is not a real date. */
export function dayNumberOf(date: string): number | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dayNumber(date: string): number {
  const day = dayNumberOf(date);
  if (day === null) throw new RangeError(`Not a date: ${date}`);
  return day;
}

/** Calendar days in the period. */
export function lengthInDays(period: Period): number {
  return dayNumber(period.to) - dayNumber(period.from);
}

/** `date` moved by whole months (the day of month must exist in the target: used on 1sts only). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + months, day)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

export function isFirstOfMonth(date: string): boolean {
  return date.endsWith('-01');
}

/** The first day of `date`'s month. */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Whole months between two 1sts of the month. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/**
 * The period of equal length just before `period`, `steps` periods back (1: the one
 * immediately before). Equal length is counted in whole months when both ends are 1sts
 * of a month (so the previous period of a quarter is the previous quarter), otherwise in
 * days.
 */
export function previousPeriod(period: Period, steps = 1): Period {
  if (isFirstOfMonth(period.from) && isFirstOfMonth(period.to)) {
    const months = monthsBetween(period.from, period.to);
    return { from: addMonths(period.from, -months * steps), to: addMonths(period.to, -months * steps) };
  }
  const days = lengthInDays(period);
  return { from: addDays(period.from, -days * steps), to: addDays(period.to, -days * steps) };
}

/**
 * Months whose every day lies in the period: [wholeFrom, wholeTo) as 1sts of months,
 * or null when there is none. The rest of the period (at most two part-months) is its edges.
 */
export function wholeMonths(period: Period): Period | null {
  const wholeFrom = isFirstOfMonth(period.from) ? period.from : addMonths(monthOf(period.from), 1);
  const wholeTo = monthOf(period.to);
  return wholeFrom < wholeTo ? { from: wholeFrom, to: wholeTo } : null;
}

/** The first day of every month that has at least one day in the period, in order. */
export function monthsTouching(period: Period): string[] {
  const months: string[] = [];
  for (let month = monthOf(period.from); month < period.to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** UK financial-year quarter of a month: Q1 is April–June. Returns its first month and label, e.g. "Q1 2025/26". */
export function financialQuarterOf(month: string): { start: string; label: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const fyStart = monthNumber >= 4 ? year : year - 1;
  const quarter = Math.floor(((monthNumber - 4 + 12) % 12) / 3) + 1;
  const startMonth = 4 + (quarter - 1) * 3;
  const start = startMonth > 12 ? `${fyStart + 1}-${String(startMonth - 12).padStart(2, '0')}-01` : `${fyStart}-${String(startMonth).padStart(2, '0')}-01`;
  return { start, label: `Q${quarter} ${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')}` };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 2025" for 2025-03-01. */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[monthNumber - 1]} ${year}`;
}
