import { IANAZone } from 'luxon';
import { LOCAL_TIME_ZONE } from '../domain/calendar.js';

/**
 * Europe/London wall-clock arithmetic (DESIGN.md §4.2). Instants are UTC `Date`s;
 * local calendar dates are `YYYY-MM-DD` keys or "day numbers" (days since 1970-01-01,
 * counted on the calendar, independent of any offset).
 *
 * Turning a local date and clock time back into an instant follows the "compatible"
 * rule of ECMAScript Temporal (and java.time): a clock time that happens twice (the
 * 01:00–02:00 hour on the last Sunday of October) means its EARLIER occurrence (BST);
 * a clock time that never happens (01:00–02:00 on the last Sunday of March) is moved
 * FORWARD by the length of the gap, so 01:30 means 02:30 BST (= 01:30 UTC).
 */

const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const zone = IANAZone.create(LOCAL_TIME_ZONE);
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Offsets at 00:00 UTC of each UTC day asked about, by UTC day number. */
const offsetAtUtcMidnight = new Map<number, number>();
/** The instant the offset changes on each changeover day asked about, by UTC day number. */
const changeoverAt = new Map<number, number>();

function zoneOffsetMs(epochMs: number): number {
  return zone.offset(epochMs) * MS_PER_MINUTE;
}

function offsetAtDayStart(utcDay: number): number {
  let offset = offsetAtUtcMidnight.get(utcDay);
  if (offset === undefined) {
    offset = zoneOffsetMs(utcDay * MS_PER_DAY);
    offsetAtUtcMidnight.set(utcDay, offset);
  }
  return offset;
}

/** First instant of `utcDay` with the next day's offset (binary search to the millisecond). */
function changeover(utcDay: number): number {
  let at = changeoverAt.get(utcDay);
  if (at === undefined) {
    const before = offsetAtDayStart(utcDay);
    let [low, high] = [utcDay * MS_PER_DAY, (utcDay + 1) * MS_PER_DAY];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (zoneOffsetMs(middle) === before) low = middle;
      else high = middle;
    }
    at = high;
    changeoverAt.set(utcDay, at);
  }
  return at;
}

/**
 * Offset of Europe/London from UTC at `epochMs`, in milliseconds. Asking the time-zone
 * database (through Intl) is slow, so answers are cached per UTC day: a day that starts
 * and ends on the same offset has it throughout (London changes at most once a day);
 * on the two changeover days a year, the instant of the change is found once.
 */
function offsetMs(epochMs: number): number {
  const utcDay = Math.floor(epochMs / MS_PER_DAY);
  const start = offsetAtDayStart(utcDay);
  const end = offsetAtDayStart(utcDay + 1);
  return start === end || epochMs < changeover(utcDay) ? start : end;
}

/** Day number of a `YYYY-MM-DD` key; throws on anything that is not a real date. */
export function dayNumber(dateKey: string): number {
  const match = DATE_KEY.exec(dateKey);
  if (!match) throw new TypeError(`Expected a date as YYYY-MM-DD, got "${dateKey}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new TypeError(`Expected a date as YYYY-MM-DD, got "${dateKey}"`);
  }
  return ms / MS_PER_DAY;
}

export function dateKeyOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The local date (as a day number) and local clock time (ms since local midnight) of `t`. */
export function localParts(t: Date): { readonly day: number; readonly msOfDay: number } {
  const epochMs = t.getTime();
  if (Number.isNaN(epochMs)) throw new TypeError('Invalid Date');
  const wall = epochMs + offsetMs(epochMs);
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, msOfDay: wall - day * MS_PER_DAY };
}

/** The local date of `t` as `YYYY-MM-DD`. */
export function localDateKey(t: Date): string {
  return dateKeyOf(localParts(t).day);
}

/**
 * The instant at local clock time `msOfDay` on local date `day`, disambiguated as
 * described at the top of this file.
 */
export function instantAt(day: number, msOfDay: number): Date {
  const wall = day * MS_PER_DAY + msOfDay;
  const before = offsetMs(wall - MS_PER_DAY);
  const after = offsetMs(wall + MS_PER_DAY);
  // Larger offset first: where both readings are valid, it gives the earlier instant.
  for (const offset of before === after ? [before] : [Math.max(before, after), Math.min(before, after)]) {
    if (offsetMs(wall - offset) === offset) return new Date(wall - offset);
  }
  // No valid reading: the clock time fell in a spring-forward gap; read it with the
  // offset in force before the gap, which lands the same distance past the gap's end.
  return new Date(wall - before);
}

/** 00:00 local on `day` (midnight always exists in Europe/London). */
export function startOfLocalDay(day: number): Date {
  return instantAt(day, 0);
}

/** Length of local day `day` in ms: 23, 24 or 25 hours. */
export function localDayLength(day: number): number {
  return startOfLocalDay(day + 1).getTime() - startOfLocalDay(day).getTime();
}

/** The same local clock time `days` calendar days after `t` (before, if negative). */
export function addCalendarDays(t: Date, days: number): Date {
  if (!Number.isInteger(days)) throw new RangeError(`Calendar days must be a whole number, got ${days}`);
  const { day, msOfDay } = localParts(t);
  return instantAt(day + days, msOfDay);
}
