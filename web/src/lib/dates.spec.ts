import { describe, expect, it } from '@jest/globals';
import { addDays, addMonths, daysBetween, financialYearOf, isIsoDate, londonIsoDate, londonStartOfDay } from './dates';

describe('calendar dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('1 March 2025')).toBe(false);
  });

  it('adds days and months across month ends, leap days and clock changes', () => {
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
  });

  it('takes today in London, not in UTC', () => {
    expect(londonIsoDate(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(londonIsoDate(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
  });

  it('puts January to March in the financial year that began the April before', () => {
    expect(financialYearOf('2025-03-31')).toBe(2024);
    expect(financialYearOf('2025-04-01')).toBe(2025);
  });
});

describe('the start of a London day as an instant', () => {
  it('is midnight UTC in winter and 23:00 UTC the day before in summer', () => {
    expect(londonStartOfDay('2025-01-15')).toBe('2025-01-15T00:00:00.000Z');
    expect(londonStartOfDay('2025-07-01')).toBe('2025-06-30T23:00:00.000Z');
  });

  it('follows the clock changes (the last Sundays of March and October)', () => {
    expect(londonStartOfDay('2025-03-30')).toBe('2025-03-30T00:00:00.000Z');
    expect(londonStartOfDay('2025-03-31')).toBe('2025-03-30T23:00:00.000Z');
    expect(londonStartOfDay('2025-10-26')).toBe('2025-10-25T23:00:00.000Z');
    expect(londonStartOfDay('2025-10-27')).toBe('2025-10-27T00:00:00.000Z');
  });
});
