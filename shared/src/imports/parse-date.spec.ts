import fc from 'fast-check';
import { parseImportDate, type DateReading } from './parse-date.js';

const ukDays: DateReading = { dateOrder: 'day_first', excelSerialDates: true, dateOnlyMs: 0 };
const usDays: DateReading = { dateOrder: 'month_first', excelSerialDates: false, dateOnlyMs: 9 * 3_600_000 };

function iso(cell: string | number | null, reading: DateReading = ukDays): string | null | { error: string } {
  const parsed = parseImportDate(cell, reading);
  if (!parsed.ok) return { error: parsed.reason };
  return parsed.value ? parsed.value.toISOString() : null;
}

describe('parseImportDate', () => {
  it('reads UK day-first dates in London time, with and without times', () => {
    expect(iso('03/02/2025')).toBe('2025-02-03T00:00:00.000Z');
    expect(iso('3/2/25')).toBe('2025-02-03T00:00:00.000Z');
    expect(iso('14/07/2025 09:30')).toBe('2025-07-14T08:30:00.000Z'); // BST
    expect(iso('14.07.2025 9.30')).toBe('2025-07-14T08:30:00.000Z');
    expect(iso('14-07-2025 2:05 pm')).toBe('2025-07-14T13:05:00.000Z');
    expect(iso('14/01/2025 23:59:59')).toBe('2025-01-14T23:59:59.000Z');
  });

  it('reads month-first dates only when the mapping says so, and gives dates without a time the stated clock time', () => {
    expect(iso('02/03/2025', usDays)).toBe('2025-02-03T09:00:00.000Z');
    expect(iso('02/03/2025', ukDays)).toBe('2025-03-02T00:00:00.000Z');
  });

  it('says when a date only makes sense in the other order', () => {
    expect(iso('02/24/2025', ukDays)).toEqual({ error: expect.stringMatching(/not a real date.*month\/day\/year.*date order/) });
    expect(iso('24/02/2025', usDays)).toEqual({ error: expect.stringMatching(/day\/month\/year/) });
  });

  it('reads Excel serial dates from numeric cells, and from text only when told to', () => {
    expect(iso(45712)).toBe('2025-02-24T00:00:00.000Z');
    expect(iso(45712, { ...usDays, excelSerialDates: true })).toBe('2025-02-24T09:00:00.000Z'); // a whole day: the stated time
    expect(iso(45712.375)).toBe('2025-02-24T09:00:00.000Z');
    expect(iso(45852.5)).toBe('2025-07-14T11:00:00.000Z'); // 12:00 BST
    expect(iso('45712.375')).toBe('2025-02-24T09:00:00.000Z');
    expect(iso('45712', usDays)).toEqual({ error: expect.stringMatching(/Excel serial date/) });
    expect(iso(12)).toEqual({ error: expect.stringMatching(/outside 1990–2099/) });
  });

  it('reads ISO dates, with an offset as that instant', () => {
    expect(iso('2025-02-24')).toBe('2025-02-24T00:00:00.000Z');
    expect(iso('2025-07-14 10:00')).toBe('2025-07-14T09:00:00.000Z');
    expect(iso('2025-07-14T10:00:00Z')).toBe('2025-07-14T10:00:00.000Z');
    expect(iso('2025-07-14T10:00:00+0100')).toBe('2025-07-14T09:00:00.000Z');
  });

  it('reads month names either way round', () => {
    expect(iso('24 Feb 2025')).toBe('2025-02-24T00:00:00.000Z');
    expect(iso('24-February-2025 09:15')).toBe('2025-02-24T09:15:00.000Z');
    expect(iso('1st March 2025')).toBe('2025-03-01T00:00:00.000Z');
    expect(iso('February 24, 2025')).toBe('2025-02-24T00:00:00.000Z');
  });

  it('treats blanks as no date and refuses what is not a date', () => {
    expect(iso(null)).toBeNull();
    expect(iso('   ')).toBeNull();
    expect(iso('31/02/2025')).toEqual({ error: '"31/02/2025" is not a real date' });
    expect(iso('next Tuesday')).toEqual({ error: expect.stringMatching(/not a date we can read/) });
    expect(iso('24/02/2025 25:00')).toEqual({ error: expect.stringMatching(/impossible time/) });
    expect(iso('24 Foo 2025')).toEqual({ error: expect.stringMatching(/no month/) });
  });

  it('reads back every day-first date it is given, whatever the day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }), (day) => {
        const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
        const parsed = parseImportDate(`${d}/${m}/${y} 12:00`, ukDays);
        if (!parsed.ok || !parsed.value) return false;
        const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'short' }).format(parsed.value);
        return london === `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}, 12:00`;
      }),
    );
  });
});
