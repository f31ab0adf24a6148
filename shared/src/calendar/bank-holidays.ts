import Holidays from 'date-holidays';
import type { BankHoliday } from '../domain/calendar.js';
import type { Jurisdiction } from '../domain/vocabulary.js';
import { dayNumber, isoWeekday } from './local-time.js';

/** The `date-holidays` subdivisions of GB whose holidays make up each jurisdiction. */
export const HOLIDAY_REGIONS: Readonly<Record<Jurisdiction, readonly string[]>> = {
  'england-and-wales': ['ENG', 'WLS'],
  scotland: ['SCT'],
  'northern-ireland': ['NIR'],
};

/** `date-holidays` types that close offices; `observance` (Mother's Day, Easter Sunday …) does not. */
const CLOSING_TYPES: ReadonlySet<string> = new Set(['public', 'bank']);

/**
 * The bank holidays of `jurisdiction` in `[fromYear, toYear]`, sorted by date, as
 * gov.uk publishes them: only days that fall Monday to Friday. A holiday that falls at
 * a weekend is listed through its substitute day (e.g. "Christmas Day (substitute
 * day)"), which `date-holidays` supplies; the weekend date itself is left out because
 * it is not a working day anyway.
 */
export function loadBankHolidays(jurisdiction: Jurisdiction, fromYear: number, toYear: number): BankHoliday[] {
  const byDate = new Map<string, string>();
  for (const region of HOLIDAY_REGIONS[jurisdiction]) {
    const source = new Holidays('GB', region);
    for (let year = fromYear; year <= toYear; year++) {
      for (const holiday of source.getHolidays(year)) {
        if (!CLOSING_TYPES.has(holiday.type)) continue;
        const date = holiday.date.slice(0, 10);
        if (isoWeekday(dayNumber(date)) > 5 || byDate.has(date)) continue;
        byDate.set(date, holiday.name);
      }
    }
  }
  return [...byDate.entries()]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
