import { OutsideCalendarError } from './calendar-errors.js';
import { workingCalendar } from './working-calendar.js';

const england = workingCalendar('england-and-wales');
const scotland = workingCalendar('scotland');
const ni = workingCalendar('northern-ireland');
const at = (iso: string): Date => new Date(iso);

describe('workingCalendar', () => {
  it('builds each jurisdiction once and shares it', () => {
    expect(workingCalendar('scotland')).toBe(scotland);
    expect(scotland.jurisdiction).toBe('scotland');
    expect(scotland.years).toEqual({ from: 2015, to: 2035 });
  });

  describe('isWorkingDay', () => {
    it('excludes weekends and the jurisdiction’s own bank holidays', () => {
      expect(england.isWorkingDay('2025-08-22')).toBe(true); // Friday
      expect(england.isWorkingDay('2025-08-23')).toBe(false); // Saturday
      expect(england.isWorkingDay('2025-08-24')).toBe(false); // Sunday
      expect(england.isWorkingDay('2025-08-25')).toBe(false); // Summer bank holiday (England)
      expect(scotland.isWorkingDay('2025-08-25')).toBe(true);
      expect(scotland.isWorkingDay('2025-08-04')).toBe(false); // Summer bank holiday (Scotland)
      expect(england.isWorkingDay('2025-04-21')).toBe(false); // Easter Monday
      expect(scotland.isWorkingDay('2025-04-21')).toBe(true);
      expect(ni.isWorkingDay('2025-07-14')).toBe(false); // Boyne substitute
      expect(england.isWorkingDay('2025-07-14')).toBe(true);
    });

    it('rejects malformed dates and dates outside 2015–2035', () => {
      expect(() => england.isWorkingDay('2025-02-30')).toThrow(TypeError);
      expect(() => england.isWorkingDay('25/12/2025')).toThrow(TypeError);
      expect(() => england.isWorkingDay('2014-12-31')).toThrow(OutsideCalendarError);
      expect(() => england.isWorkingDay('2036-01-01')).toThrow(/england-and-wales working calendar covers 2015–2035/);
      expect(england.isWorkingDay('2015-01-02')).toBe(true);
      expect(england.isWorkingDay('2035-12-31')).toBe(true);
    });
  });

  describe('addWorkingDays', () => {
    it('skips the August bank holiday: 5 working days from Fri 22 Aug 2025 15:30 BST is Mon 1 Sept 15:30 BST', () => {
      expect(england.addWorkingDays(at('2025-08-22T14:30:00Z'), 5)).toEqual(at('2025-09-01T14:30:00Z'));
      expect(england.addWorkingDays(at('2025-08-22T14:30:00Z'), 6)).toEqual(at('2025-09-02T14:30:00Z'));
    });

    it('keeps the local clock time across the October clock change (UTC hour moves)', () => {
      // Thu 23 Oct 2025 10:00 BST → Tue 28 Oct 2025 10:00 GMT.
      expect(england.addWorkingDays(at('2025-10-23T09:00:00Z'), 3)).toEqual(at('2025-10-28T10:00:00Z'));
    });

    it('keeps the local clock time across the March clock change', () => {
      // Thu 27 Mar 2025 09:00 GMT → Mon 31 Mar 2025 09:00 BST.
      expect(england.addWorkingDays(at('2025-03-27T09:00:00Z'), 2)).toEqual(at('2025-03-31T08:00:00Z'));
    });

    it('counts from 00:00 of the next working day when starting on a non-working day', () => {
      // Sat 23 Aug 2025 → next working day Tue 26 Aug (Mon is a bank holiday) → +1 is Wed 27 Aug 00:00 BST.
      expect(england.addWorkingDays(at('2025-08-23T13:00:00Z'), 1)).toEqual(at('2025-08-26T23:00:00Z'));
      expect(england.addWorkingDays(at('2025-08-23T13:00:00Z'), 0)).toEqual(at('2025-08-25T23:00:00Z'));
      // A bank holiday is a non-working day too: Mon 25 Aug 11:00 → Wed 27 Aug 00:00.
      expect(england.addWorkingDays(at('2025-08-25T10:00:00Z'), 1)).toEqual(at('2025-08-26T23:00:00Z'));
    });

    it('uses the local date, not the UTC date, near midnight in summer', () => {
      // Sat 23 Aug 2025 00:30 BST is Fri 22 Aug 23:30 UTC, but it is Saturday in London.
      expect(england.addWorkingDays(at('2025-08-22T23:30:00Z'), 1)).toEqual(at('2025-08-26T23:00:00Z'));
    });

    it('differs by jurisdiction around St Andrew’s Day 2025 (substitute Monday 1 Dec in Scotland)', () => {
      const fridayAfternoon = at('2025-11-28T14:00:00Z');
      expect(england.addWorkingDays(fridayAfternoon, 1)).toEqual(at('2025-12-01T14:00:00Z'));
      expect(scotland.addWorkingDays(fridayAfternoon, 1)).toEqual(at('2025-12-02T14:00:00Z'));
    });

    it('returns the instant itself for 0 working days from a working day', () => {
      expect(england.addWorkingDays(at('2025-09-03T08:15:00Z'), 0)).toEqual(at('2025-09-03T08:15:00Z'));
    });

    it('rejects negative or fractional counts and results beyond 2035', () => {
      expect(() => england.addWorkingDays(at('2025-09-03T08:15:00Z'), -1)).toThrow(RangeError);
      expect(() => england.addWorkingDays(at('2025-09-03T08:15:00Z'), 1.5)).toThrow(RangeError);
      expect(() => england.addWorkingDays(at('2035-12-28T12:00:00Z'), 5)).toThrow(OutsideCalendarError);
    });
  });

  describe('endOfSameWorkingDay', () => {
    it('is 23:59:59.999 local on a working day (BST and GMT)', () => {
      expect(england.endOfSameWorkingDay(at('2025-09-03T08:00:00Z'))).toEqual(at('2025-09-03T22:59:59.999Z'));
      expect(england.endOfSameWorkingDay(at('2025-11-26T08:00:00Z'))).toEqual(at('2025-11-26T23:59:59.999Z'));
    });

    it('moves to the next working day from a weekend or bank holiday', () => {
      // Sat 6 Sep 2025 → Mon 8 Sep 23:59:59 BST.
      expect(england.endOfSameWorkingDay(at('2025-09-06T10:00:00Z'))).toEqual(at('2025-09-08T22:59:59.999Z'));
      // Sat 29 Nov 2025: Scotland's next working day is Tue 2 Dec; England's Mon 1 Dec.
      expect(scotland.endOfSameWorkingDay(at('2025-11-29T10:00:00Z'))).toEqual(at('2025-12-02T23:59:59.999Z'));
      expect(england.endOfSameWorkingDay(at('2025-11-29T10:00:00Z'))).toEqual(at('2025-12-01T23:59:59.999Z'));
      // Sunday 30 Mar 2025 (clocks go forward) → Mon 31 Mar 23:59:59 BST.
      expect(england.endOfSameWorkingDay(at('2025-03-30T00:30:00Z'))).toEqual(at('2025-03-31T22:59:59.999Z'));
    });
  });

  describe('workingDaysBetween', () => {
    it('counts whole working days between equal clock times', () => {
      expect(england.workingDaysBetween(at('2025-08-22T14:30:00Z'), at('2025-09-01T14:30:00Z'))).toBe(5);
      expect(scotland.workingDaysBetween(at('2025-08-22T14:30:00Z'), at('2025-09-01T14:30:00Z'))).toBe(6);
    });

    it('counts the share of each working day inside the interval', () => {
      // 06:00 to 18:00 BST on a Wednesday: half a day.
      expect(england.workingDaysBetween(at('2025-09-03T05:00:00Z'), at('2025-09-03T17:00:00Z'))).toBe(0.5);
      // Fri 18:00 BST → Mon 06:00 BST: a quarter of Friday and a quarter of Monday.
      expect(england.workingDaysBetween(at('2025-09-05T17:00:00Z'), at('2025-09-08T05:00:00Z'))).toBe(0.5);
    });

    it('gives nothing for time spent wholly on non-working days', () => {
      expect(england.workingDaysBetween(at('2025-08-23T08:00:00Z'), at('2025-08-25T20:00:00Z'))).toBe(0);
      expect(england.workingDaysBetween(at('2025-08-25T20:00:00Z'), at('2025-08-23T08:00:00Z'))).toBe(0);
    });

    it('is one working day from Friday noon to Monday noon across the October clock change', () => {
      expect(england.workingDaysBetween(at('2025-10-24T11:00:00Z'), at('2025-10-27T12:00:00Z'))).toBe(1);
    });

    it('is negative when the end is before the start', () => {
      expect(england.workingDaysBetween(at('2025-09-01T14:30:00Z'), at('2025-08-22T14:30:00Z'))).toBe(-5);
    });

    it('rejects instants outside the covered years', () => {
      expect(() => england.workingDaysBetween(at('2014-12-30T12:00:00Z'), at('2015-01-05T12:00:00Z'))).toThrow(
        OutsideCalendarError,
      );
    });
  });
});
