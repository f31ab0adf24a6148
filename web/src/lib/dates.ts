/*
 * Calendar dates as the API takes them: "YYYY-MM-DD" strings, with no time and no zone.
 * Arithmetic runs on UTC midnights, so that no daylight-saving change moves a date.
 * "Today" is the date in Europe/London, where every partnership is (DESIGN.md §4.2).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written as YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The UTC midnight of an ISO date; throws on anything that is not one. */
export function isoDateToUtc(iso: string): Date {
  if (!isIsoDate(iso)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}

export function utcToIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = isoDateToUtc(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return utcToIsoDate(date);
}

/** Moves by whole months, keeping the day where the month has it (31 January + 1 month → 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  const date = isoDateToUtc(iso);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return utcToIsoDate(date);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((isoDateToUtc(to).getTime() - isoDateToUtc(from).getTime()) / 86_400_000);
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Europe/London at `now`, as YYYY-MM-DD. */
export function londonIsoDate(now: Date): string {
  return londonDate.format(now);
}

/** The first day of the financial year (1 April) that holds `iso`, as its start year: 2025-03-31 → 2024. */
export function financialYearOf(iso: string): number {
  const date = isoDateToUtc(iso);
  return date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** How far London's clock is ahead of UTC at `instant`, in minutes (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The instant a London calendar day starts, as an ISO timestamp: the bound the API's
 * DateTime filters take. 2025-07-01 → 2025-06-30T23:00:00.000Z (summer time).
 */
export function londonStartOfDay(iso: string): string {
  const utcMidnight = isoDateToUtc(iso);
  const offset = londonOffsetMinutes(new Date(utcMidnight.getTime() - 12 * 3_600_000));
  return new Date(utcMidnight.getTime() - offset * 60_000).toISOString();
}
