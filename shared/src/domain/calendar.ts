import type { Jurisdiction } from './vocabulary.js';

/** The local time zone every instant is evaluated in (DESIGN.md §4.2). */
export const LOCAL_TIME_ZONE = 'Europe/London';

export interface BankHoliday {
  /** Local calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly name: string;
}

/**
 * Working time for one jurisdiction: Monday to Friday less its bank holidays, in
 * Europe/London local time. Instants are UTC `Date`s; calendar dates are `YYYY-MM-DD`.
 */
export interface WorkingCalendar {
  readonly jurisdiction: Jurisdiction;
  /** First and last years the calendar covers. */
  readonly years: { readonly from: number; readonly to: number };
  isWorkingDay(localDate: string): boolean;
  bankHolidays(year: number): readonly BankHoliday[];
  /**
   * The same local clock time on the n-th working day after `t`'s date; when `t` is on
   * a non-working day, counting starts at 00:00 of the next working day (DESIGN.md §4.2).
   */
  addWorkingDays(t: Date, n: number): Date;
  /**
   * 23:59:59 local of `t`'s date when that is a working day, else of the next working day;
   * the whole of that second counts, so the instant returned is 23:59:59.999.
   */
  endOfSameWorkingDay(t: Date): Date;
  /**
   * Working time from `a` to `b` in days: the sum, over working days, of the share of
   * each local day that lies in `[a, b)`; negative when `b` is before `a`. The share is
   * the elapsed fraction of that local day (which may be 23 or 25 hours long).
   */
  workingDaysBetween(a: Date, b: Date): number;
}
