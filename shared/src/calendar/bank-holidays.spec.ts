import Holidays from 'date-holidays';
import type { Jurisdiction } from '../domain/vocabulary.js';
import { OutsideCalendarError } from './calendar-errors.js';
import { CALENDAR_YEARS, workingCalendar } from './working-calendar.js';

/**
 * Bank holidays as gov.uk publishes them (www.gov.uk/bank-holidays), written out by
 * hand: the calendar must reproduce each year exactly, substitute days included.
 */
const PUBLISHED: Record<Jurisdiction, Record<number, string[]>> = {
  'england-and-wales': {
    2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
    // 3 Jan substitute New Year; Spring bank holiday moved to 2 June beside the Platinum
    // Jubilee on 3 June; 19 Sept State Funeral of Queen Elizabeth II; 27 Dec substitute Christmas.
    2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
    // 2 Jan substitute New Year; 8 May Coronation of King Charles III.
    2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
    2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
    2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  },
  scotland: {
    // 3 Jan substitute New Year's Day, 4 Jan substitute 2nd January; no Easter Monday;
    // first Monday of August; St Andrew's Day on a Wednesday.
    2022: ['01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19', '11-30', '12-26', '12-27'],
    // 2 Jan, and 3 Jan as the substitute for New Year's Day (a Sunday).
    2023: ['01-02', '01-03', '04-07', '05-01', '05-08', '05-29', '08-07', '11-30', '12-25', '12-26'],
    // St Andrew's Day fell on a Saturday: substitute Monday 2 December.
    2024: ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
    // St Andrew's Day fell on a Sunday: substitute Monday 1 December.
    2025: ['01-01', '01-02', '04-18', '05-05', '05-26', '08-04', '12-01', '12-25', '12-26'],
  },
  'northern-ireland': {
    // Battle of the Boyne on a Sunday: substitute Monday 13 July.
    2020: ['01-01', '03-17', '04-10', '04-13', '05-08', '05-25', '07-13', '08-31', '12-25', '12-28'],
    2022: ['01-03', '03-17', '04-15', '04-18', '05-02', '06-02', '06-03', '07-12', '08-29', '09-19', '12-26', '12-27'],
    2023: ['01-02', '03-17', '04-07', '04-10', '05-01', '05-08', '05-29', '07-12', '08-28', '12-25', '12-26'],
    // St Patrick's Day on a Sunday: substitute Monday 18 March.
    2024: ['01-01', '03-18', '03-29', '04-01', '05-06', '05-27', '07-12', '08-26', '12-25', '12-26'],
    // Battle of the Boyne on a Saturday: substitute Monday 14 July.
    2025: ['01-01', '03-17', '04-18', '04-21', '05-05', '05-26', '07-14', '08-25', '12-25', '12-26'],
  },
};

const cases = Object.entries(PUBLISHED).flatMap(([jurisdiction, years]) =>
  Object.entries(years).map(([year, days]) => ({ jurisdiction: jurisdiction as Jurisdiction, year: Number(year), days })),
);

describe('bank holidays', () => {
  it.each(cases)('matches the published $jurisdiction list for $year exactly', ({ jurisdiction, year, days }) => {
    const dates = workingCalendar(jurisdiction)
      .bankHolidays(year)
      .map((h) => h.date);
    expect(dates).toEqual(days.map((d) => `${year}-${d}`));
  });

  it.each(cases)('treats every published $jurisdiction $year bank holiday as a non-working day', ({ jurisdiction, year, days }) => {
    const calendar = workingCalendar(jurisdiction);
    for (const day of days) expect(calendar.isWorkingDay(`${year}-${day}`)).toBe(false);
  });

  it('names substitute days as such', () => {
    const scotland = workingCalendar('scotland').bankHolidays(2025);
    expect(scotland.find((h) => h.date === '2025-12-01')?.name).toMatch(/St Andrew.s Day \(substitute day\)/);
    const ni = workingCalendar('northern-ireland').bankHolidays(2024);
    expect(ni.find((h) => h.date === '2024-03-18')?.name).toMatch(/St Patrick.s Day \(substitute day\)/);
  });

  it('leaves out observances such as Mothering Sunday and Easter Sunday', () => {
    const names = workingCalendar('england-and-wales')
      .bankHolidays(2025)
      .map((h) => h.name);
    expect(names.some((n) => /Mother|Father|Easter Sunday/.test(n))).toBe(false);
  });

  it('lists only weekdays, in date order, in every covered year', () => {
    for (const jurisdiction of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
      for (let year = CALENDAR_YEARS.from; year <= CALENDAR_YEARS.to; year++) {
        const holidays = workingCalendar(jurisdiction).bankHolidays(year);
        expect(holidays.length).toBeGreaterThanOrEqual(8);
        const dates = holidays.map((h) => h.date);
        expect([...dates].sort()).toEqual(dates);
        for (const date of dates) expect([0, 6]).not.toContain(new Date(`${date}T12:00:00Z`).getUTCDay());
      }
    }
  });

  it('finds England and Wales agree in the holiday data for every covered year', () => {
    const england = new Holidays('GB', 'ENG');
    const wales = new Holidays('GB', 'WLS');
    for (let year = CALENDAR_YEARS.from; year <= CALENDAR_YEARS.to; year++) {
      const dates = (h: Holidays) => h.getHolidays(year).filter((x) => x.type === 'public').map((x) => x.date);
      expect(dates(wales)).toEqual(dates(england));
    }
  });

  it('refuses years outside the covered range', () => {
    const calendar = workingCalendar('scotland');
    expect(() => calendar.bankHolidays(2014)).toThrow(OutsideCalendarError);
    expect(() => calendar.bankHolidays(2036)).toThrow(/covers 2015–2035/);
    expect(calendar.bankHolidays(2015).length).toBeGreaterThan(0);
    expect(calendar.bankHolidays(2035).length).toBeGreaterThan(0);
  });
});
