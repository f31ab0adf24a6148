import { addCalendarDays, MS_PER_DAY, MS_PER_HOUR } from '../calendar/local-time.js';
import type { WorkingCalendar } from '../domain/calendar.js';
import type { TimescaleRuleDefinition } from '../domain/protocol.js';
import type { TimescaleUnit } from '../domain/vocabulary.js';

/**
 * The deadline a rule's limit sets from its anchor (DESIGN.md §4.2):
 * - `hours`: `amount` elapsed hours (24 hours across a clock change is not the same clock time);
 * - `working_days`: the same local clock time `amount` working days later;
 * - `calendar_days`: the same local clock time `amount` calendar days later;
 * - `same_working_day`: the end (23:59:59.999 local) of the anchor's working day; `amount` is ignored.
 */
export function ruleDeadline(limit: TimescaleRuleDefinition['limit'], anchor: Date, calendar: WorkingCalendar): Date {
  switch (limit.unit) {
    case 'hours':
      return new Date(anchor.getTime() + limit.amount * MS_PER_HOUR);
    case 'working_days':
      return calendar.addWorkingDays(anchor, limit.amount);
    case 'calendar_days':
      return addCalendarDays(anchor, limit.amount);
    case 'same_working_day':
      return calendar.endOfSameWorkingDay(anchor);
  }
}

/**
 * Time from `from` to `to` in the rule's unit: elapsed hours for `hours`, working days
 * for `working_days` and `same_working_day`, elapsed days (24-hour) for `calendar_days`.
 */
export function timeBetween(unit: TimescaleUnit, from: Date, to: Date, calendar: WorkingCalendar): number {
  const ms = to.getTime() - from.getTime();
  switch (unit) {
    case 'hours':
      return ms / MS_PER_HOUR;
    case 'calendar_days':
      return ms / MS_PER_DAY;
    case 'working_days':
    case 'same_working_day':
      return calendar.workingDaysBetween(from, to);
  }
}
