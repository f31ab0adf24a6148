import type { WorkingCalendar } from '../domain/calendar.js';
import { localDateKey, localParts } from '../calendar/local-time.js';

/**
 * When a timescale deadline is worth a reminder (docs/reminders.md). Pure functions of a
 * deadline, "now" and the partnership's working calendar (Europe/London local time).
 */

/** `approaching`: due within the next working day; `passed`: the deadline has gone by with the target not reached. */
export const REMINDER_KINDS = ['approaching', 'passed'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Part of a working day, as minutes after local midnight: from `startMinute` (included) to `endMinute` (excluded). */
export interface WorkingHours {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** 09:00 to 17:00. */
export const DEFAULT_WORKING_HOURS: WorkingHours = { startMinute: 9 * 60, endMinute: 17 * 60 };

/**
 * The end of the "approaching" window that starts at `now`: the same local clock time on
 * the next working day (`addWorkingDays(now, 1)`). From a non-working day, counting starts
 * at 00:00 of the next working day, so on a Saturday the window runs to 00:00 on Tuesday
 * and takes in all of Monday (the first working day).
 */
export function approachingUntil(now: Date, calendar: WorkingCalendar): Date {
  return calendar.addWorkingDays(now, 1);
}

/**
 * Which reminder a deadline calls for at `now`, for a clock still running (a pending or
 * overdue timescale outcome): `passed` once `now` is after the deadline (a target at the
 * deadline itself is still in time); `approaching` from one working day before it
 * (`now` ≤ deadline ≤ approachingUntil(now)); otherwise none yet.
 */
export function reminderKind(deadline: Date, now: Date, calendar: WorkingCalendar): ReminderKind | null {
  if (deadline.getTime() < now.getTime()) return 'passed';
  return deadline.getTime() <= approachingUntil(now, calendar).getTime() ? 'approaching' : null;
}

/** Whether `now` falls on a working day of `calendar`, within `hours` of its local clock. */
export function isWithinWorkingHours(now: Date, calendar: WorkingCalendar, hours: WorkingHours = DEFAULT_WORKING_HOURS): boolean {
  if (!calendar.isWorkingDay(localDateKey(now))) return false;
  const minute = Math.floor(localParts(now).msOfDay / 60_000);
  return minute >= hours.startMinute && minute < hours.endMinute;
}

const HOURS_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** `HH:MM-HH:MM` (e.g. `09:00-17:00`, the end excluded and after the start); null when it is not that. */
export function parseWorkingHours(text: string): WorkingHours | null {
  const match = HOURS_PATTERN.exec(text.trim());
  if (!match) return null;
  const startMinute = Number(match[1]) * 60 + Number(match[2]);
  const endMinute = Number(match[3]) * 60 + Number(match[4]);
  if (endMinute > 24 * 60 || endMinute <= startMinute) return null;
  return { startMinute, endMinute };
}

/** `09:00-17:00`. */
export function formatWorkingHours(hours: WorkingHours): string {
  const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return `${clock(hours.startMinute)}-${clock(hours.endMinute)}`;
}
