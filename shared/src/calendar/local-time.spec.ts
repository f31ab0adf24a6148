import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addCalendarDays, dayNumber, instantAt, isoWeekday, localDateKey, localDayLength, localParts } from './local-time.js';

const at = (iso: string): Date => new Date(iso);
const HOUR = 3_600_000;

describe('Europe/London local time', () => {
  it('reads the local date, not the UTC date', () => {
    expect(localDateKey(at('2025-08-22T23:30:00Z'))).toBe('2025-08-23'); // 00:30 BST
    expect(localDateKey(at('2025-12-22T23:30:00Z'))).toBe('2025-12-22'); // 23:30 GMT
    expect(localParts(at('2025-08-22T14:30:00Z')).msOfDay).toBe(15.5 * HOUR);
  });

  it('numbers weekdays from Monday = 1', () => {
    expect(isoWeekday(dayNumber('2025-09-01'))).toBe(1);
    expect(isoWeekday(dayNumber('2025-08-31'))).toBe(7);
    expect(isoWeekday(dayNumber('1969-12-29'))).toBe(1);
  });

  it('has a 23-hour day in March and a 25-hour day in October', () => {
    expect(localDayLength(dayNumber('2025-03-30'))).toBe(23 * HOUR);
    expect(localDayLength(dayNumber('2025-10-26'))).toBe(25 * HOUR);
    expect(localDayLength(dayNumber('2025-10-27'))).toBe(24 * HOUR);
  });

  it('moves a clock time that does not exist (spring forward) on by the gap: 01:30 means 02:30 BST', () => {
    expect(instantAt(dayNumber('2025-03-30'), 1.5 * HOUR)).toEqual(at('2025-03-30T01:30:00Z'));
    expect(instantAt(dayNumber('2025-03-30'), 0.5 * HOUR)).toEqual(at('2025-03-30T00:30:00Z'));
    expect(instantAt(dayNumber('2025-03-30'), 2.5 * HOUR)).toEqual(at('2025-03-30T01:30:00Z'));
  });

  it('reads a clock time that happens twice (fall back) as its earlier, BST, occurrence', () => {
    expect(instantAt(dayNumber('2025-10-26'), 1.5 * HOUR)).toEqual(at('2025-10-26T00:30:00Z'));
    expect(instantAt(dayNumber('2025-10-26'), 2.5 * HOUR)).toEqual(at('2025-10-26T02:30:00Z'));
  });

  describe('addCalendarDays', () => {
    it('keeps the local clock time across the October change, so 1 day can be 25 hours', () => {
      const saturdayNoon = at('2025-10-25T11:00:00Z'); // 12:00 BST
      expect(addCalendarDays(saturdayNoon, 1)).toEqual(at('2025-10-26T12:00:00Z')); // 12:00 GMT
    });

    it('keeps the local clock time across the March change, so 7 days can be 167 hours', () => {
      const start = at('2025-03-26T09:00:00Z'); // Wed 09:00 GMT
      expect(addCalendarDays(start, 7)).toEqual(at('2025-04-02T08:00:00Z')); // Wed 09:00 BST
    });

    it('lands a missing spring-forward clock time just after the gap, and a doubled one on BST', () => {
      expect(addCalendarDays(at('2025-03-29T01:30:00Z'), 1)).toEqual(at('2025-03-30T01:30:00Z')); // 02:30 BST
      expect(addCalendarDays(at('2025-10-25T00:30:00Z'), 1)).toEqual(at('2025-10-26T00:30:00Z')); // 01:30 BST
      // The second 01:30 (GMT) of 26 Oct goes to 01:30 GMT the next day.
      expect(addCalendarDays(at('2025-10-26T01:30:00Z'), 1)).toEqual(at('2025-10-27T01:30:00Z'));
    });

    it('rejects fractional days', () => {
      expect(() => addCalendarDays(at('2025-03-29T01:30:00Z'), 0.5)).toThrow(RangeError);
    });
  });

  it('agrees with luxon on the local date and clock time of any instant, clock-change nights included', () => {
    const anyInstant = fc.date({ min: new Date('2014-01-01T00:00:00Z'), max: new Date('2036-12-31T00:00:00Z'), noInvalidDate: true });
    // Within three hours either side of 01:00 UTC on a last Sunday of March or October.
    const nearChange = fc
      .record({ year: fc.integer({ min: 2015, max: 2035 }), month: fc.constantFrom(3, 10), ms: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }) })
      .map(({ year, month, ms }) => {
        const lastSunday = DateTime.utc(year, month, 1).endOf('month').startOf('day');
        return new Date(lastSunday.minus({ days: lastSunday.weekday % 7 }).plus({ hours: 1 }).toMillis() + ms);
      });
    fc.assert(
      fc.property(fc.oneof(anyInstant, nearChange), (t) => {
        const local = DateTime.fromJSDate(t, { zone: 'Europe/London' });
        const { msOfDay } = localParts(t);
        expect(localDateKey(t)).toBe(local.toISODate());
        expect(msOfDay).toBe(local.hour * HOUR + local.minute * 60_000 + local.second * 1000 + local.millisecond);
        expect(instantAt(dayNumber(localDateKey(t)), msOfDay).getTime()).toBeLessThanOrEqual(t.getTime());
      }),
      { numRuns: 300 },
    );
  });
});
