import type { BankHoliday, WorkingCalendar } from '../domain/calendar.js';
import type { Jurisdiction } from '../domain/vocabulary.js';
import { loadBankHolidays } from './bank-holidays.js';
import { OutsideCalendarError } from './calendar-errors.js';
import {
  dateKeyOf,
  dayNumber,
  instantAt,
  isoWeekday,
  localParts,
  startOfLocalDay,
} from './local-time.js';

/** The years every working calendar covers. */
export const CALENDAR_YEARS = { from: 2015, to: 2035 } as const;

/**
 * "By 23:59:59" (DESIGN.md §4.2) includes the whole of that second, so the end of a
 * working day is its last representable instant, 23:59:59.999 local.
 */
const END_OF_DAY_MS = (23 * 3600 + 59 * 60 + 59) * 1000 + 999;

const calendars = new Map<Jurisdiction, WorkingCalendar>();

/**
 * The working calendar of `jurisdiction` (DESIGN.md §4.2), built once and shared.
 * Bank holidays come from the `date-holidays` package; every question about a local
 * date outside {@link CALENDAR_YEARS} throws an {@link OutsideCalendarError}.
 *
 * Working days never include a Sunday, the only day the clocks change, so "the same
 * clock time on a later working day" always names exactly one instant.
 */
export function workingCalendar(jurisdiction: Jurisdiction): WorkingCalendar {
  let calendar = calendars.get(jurisdiction);
  if (!calendar) {
    calendar = buildWorkingCalendar(jurisdiction);
    calendars.set(jurisdiction, calendar);
  }
  return calendar;
}

function buildWorkingCalendar(jurisdiction: Jurisdiction): WorkingCalendar {
  const years = CALENDAR_YEARS;
  const holidays = loadBankHolidays(jurisdiction, years.from, years.to);
  const holidayDates = new Set(holidays.map((h) => h.date));
  const firstDay = dayNumber(`${years.from}-01-01`);
  const lastDay = dayNumber(`${years.to}-12-31`);

  // workingBefore[i]: working days in [firstDay, firstDay + i); workingDays: their day numbers.
  const workingBefore = new Int32Array(lastDay - firstDay + 2);
  const workingDays: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (isoWeekday(day) <= 5 && !holidayDates.has(dateKeyOf(day))) workingDays.push(day);
    workingBefore[day - firstDay + 1] = workingDays.length;
  }

  const checkCovered = (day: number): void => {
    if (day < firstDay || day > lastDay) throw new OutsideCalendarError(jurisdiction, dateKeyOf(day), years);
  };
  /** Index in `workingDays` of `day` if it is a working day, else of the next one. */
  const workingIndexFrom = (day: number): number => {
    checkCovered(day);
    return workingBefore[day - firstDay] ?? 0;
  };
  const isWorking = (day: number): boolean => workingDays[workingIndexFrom(day)] === day;
  const workingDayAt = (index: number, from: number): number => {
    const day = workingDays[index];
    if (day === undefined) throw new OutsideCalendarError(jurisdiction, `a working day after ${dateKeyOf(from)}`, years);
    return day;
  };
  /** Share of local day `day` lying in `[a, b)` when it is a working day, else 0. */
  const workingShare = (day: number, a: number, b: number): number => {
    if (!isWorking(day)) return 0;
    const start = startOfLocalDay(day).getTime();
    const end = startOfLocalDay(day + 1).getTime();
    return Math.max(0, Math.min(b, end) - Math.max(a, start)) / (end - start);
  };

  const byYear = new Map<number, BankHoliday[]>();
  for (const holiday of holidays) {
    const year = Number(holiday.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), holiday]);
  }

  return {
    jurisdiction,
    years,
    isWorkingDay: (localDate) => isWorking(dayNumber(localDate)),
    bankHolidays(year) {
      if (!Number.isInteger(year) || year < years.from || year > years.to) {
        throw new OutsideCalendarError(jurisdiction, String(year), years);
      }
      return byYear.get(year) ?? [];
    },
    addWorkingDays(t, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days to add must be a whole number ≥ 0, got ${n}`);
      const { day, msOfDay } = localParts(t);
      const index = workingIndexFrom(day);
      const startsOnWorkingDay = workingDays[index] === day;
      return instantAt(workingDayAt(index + n, day), startsOnWorkingDay ? msOfDay : 0);
    },
    endOfSameWorkingDay(t) {
      const { day } = localParts(t);
      return instantAt(workingDayAt(workingIndexFrom(day), day), END_OF_DAY_MS);
    },
    workingDaysBetween,
  };

  function workingDaysBetween(a: Date, b: Date): number {
    const [from, to] = [a.getTime(), b.getTime()];
    if (to < from) {
      const backwards = workingDaysBetween(b, a);
      return backwards === 0 ? 0 : -backwards;
    }
    const first = localParts(a).day;
    const last = localParts(b).day;
    checkCovered(first);
    checkCovered(last);
    if (first === last) return roundDays(workingShare(first, from, to));
    const wholeDays = (workingBefore[last - firstDay] ?? 0) - (workingBefore[first + 1 - firstDay] ?? 0);
    return roundDays(workingShare(first, from, to) + wholeDays + workingShare(last, from, to));
  }
}

/**
 * Rounds to 1e-9 of a day (86 µs, below the millisecond resolution of `Date`) so that
 * shares of equal clock times on two working days add up to exactly one day.
 */
function roundDays(days: number): number {
  return Math.round(days * 1e9) / 1e9;
}
