import { workingCalendar } from '../calendar/working-calendar.js';
import { approachingUntil, formatWorkingHours, isWithinWorkingHours, parseWorkingHours, reminderKind } from './reminder-timing.js';

const england = workingCalendar('england-and-wales');
const scotland = workingCalendar('scotland');
const at = (iso: string): Date => new Date(iso);

describe('approachingUntil', () => {
  it('is the same clock time on the next working day', () => {
    expect(approachingUntil(at('2025-03-03T10:00:00Z'), england)).toEqual(at('2025-03-04T10:00:00Z')); // Monday → Tuesday
    expect(approachingUntil(at('2025-03-07T15:00:00Z'), england)).toEqual(at('2025-03-10T15:00:00Z')); // Friday → Monday
  });

  it('takes in the whole of the next working day when now is not a working day', () => {
    expect(approachingUntil(at('2025-03-08T12:00:00Z'), england)).toEqual(at('2025-03-11T00:00:00Z')); // Saturday → Tuesday 00:00
  });

  it('steps over bank holidays (Easter 2025, in British Summer Time)', () => {
    // Thursday 17 April 10:00 BST: Good Friday and Easter Monday are not working days in England.
    expect(approachingUntil(at('2025-04-17T09:00:00Z'), england)).toEqual(at('2025-04-22T09:00:00Z'));
    // In Scotland Easter Monday is a working day.
    expect(approachingUntil(at('2025-04-17T09:00:00Z'), scotland)).toEqual(at('2025-04-21T09:00:00Z'));
  });
});

describe('reminderKind', () => {
  const now = at('2025-03-03T10:00:00Z');

  it('calls a deadline passed only once now is after it', () => {
    expect(reminderKind(at('2025-03-03T09:59:59.999Z'), now, england)).toBe('passed');
    expect(reminderKind(now, now, england)).toBe('approaching');
  });

  it('calls a deadline approaching up to and including the same time on the next working day', () => {
    expect(reminderKind(at('2025-03-04T10:00:00Z'), now, england)).toBe('approaching');
    expect(reminderKind(at('2025-03-04T10:00:00.001Z'), now, england)).toBeNull();
  });

  it('on a Friday, counts Monday as the next working day', () => {
    const friday = at('2025-03-07T16:00:00Z');
    expect(reminderKind(at('2025-03-10T09:00:00Z'), friday, england)).toBe('approaching');
    expect(reminderKind(at('2025-03-11T09:00:00Z'), friday, england)).toBeNull();
  });
});

describe('isWithinWorkingHours', () => {
  it('holds from 09:00 to before 17:00 local on a working day', () => {
    expect(isWithinWorkingHours(at('2025-03-03T08:59:59Z'), england)).toBe(false);
    expect(isWithinWorkingHours(at('2025-03-03T09:00:00Z'), england)).toBe(true);
    expect(isWithinWorkingHours(at('2025-03-03T16:59:59Z'), england)).toBe(true);
    expect(isWithinWorkingHours(at('2025-03-03T17:00:00Z'), england)).toBe(false);
  });

  it('reads the clock in Europe/London: 09:00 BST is 08:00 UTC', () => {
    expect(isWithinWorkingHours(at('2025-06-02T07:59:00Z'), england)).toBe(false);
    expect(isWithinWorkingHours(at('2025-06-02T08:00:00Z'), england)).toBe(true);
  });

  it('never holds at midnight, at weekends or on the jurisdiction’s bank holidays', () => {
    expect(isWithinWorkingHours(at('2025-03-03T23:59:00Z'), england)).toBe(false);
    expect(isWithinWorkingHours(at('2025-03-04T00:00:00Z'), england)).toBe(false);
    expect(isWithinWorkingHours(at('2025-03-08T10:00:00Z'), england)).toBe(false); // Saturday
    expect(isWithinWorkingHours(at('2025-08-25T10:00:00Z'), england)).toBe(false); // Summer bank holiday, England
    expect(isWithinWorkingHours(at('2025-08-25T10:00:00Z'), scotland)).toBe(true);
  });

  it('follows the hours it is given', () => {
    const hours = { startMinute: 8 * 60 + 30, endMinute: 18 * 60 };
    expect(isWithinWorkingHours(at('2025-03-03T08:30:00Z'), england, hours)).toBe(true);
    expect(isWithinWorkingHours(at('2025-03-03T17:59:00Z'), england, hours)).toBe(true);
    expect(isWithinWorkingHours(at('2025-03-03T18:00:00Z'), england, hours)).toBe(false);
  });
});

describe('parseWorkingHours', () => {
  it('reads HH:MM-HH:MM and writes it back', () => {
    expect(parseWorkingHours('09:00-17:00')).toEqual({ startMinute: 540, endMinute: 1020 });
    expect(parseWorkingHours(' 08:30-18:15 ')).toEqual({ startMinute: 510, endMinute: 1095 });
    expect(formatWorkingHours({ startMinute: 510, endMinute: 1095 })).toBe('08:30-18:15');
  });

  it('refuses anything else, and an end not after the start', () => {
    for (const text of ['9-17', '09:00', '17:00-09:00', '09:00-09:00', '25:00-26:00', '09:00-24:01', 'nine to five']) {
      expect(parseWorkingHours(text)).toBeNull();
    }
  });
});
