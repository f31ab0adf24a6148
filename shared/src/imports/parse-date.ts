import { instantAt, MS_PER_DAY, MS_PER_HOUR } from '../calendar/local-time.js';
import type { DateOrder } from './import-fields.js';

/** A cell as a reader hands it over: text, a number (numeric .xlsx cells only), or nothing. */
export type CellValue = string | number | null;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** How the mapping says the file's dates are written. */
export interface DateReading {
  readonly dateOrder: DateOrder;
  readonly excelSerialDates: boolean;
  /** Milliseconds after local midnight given to a date without a time. */
  readonly dateOnlyMs: number;
}

/** Excel's serial day 25569 is 1970-01-01; serials count local (wall-clock) days, with no time zone. */
const EXCEL_EPOCH_SERIAL = 25_569;
/** Serials for 1 Jan 1990 and 31 Dec 2099: anything outside is not an escalation date. */
const SERIAL_RANGE = { from: 32_874, to: 73_415 } as const;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(.+))?$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]{3,9})\.?[ ,-]*(\d{4}|\d{2})(?:[ T,]+(.+))?$/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:[ T,]+(.+))?$/i;
const TIME = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm)?$/i;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/** `HH:MM` → milliseconds after midnight, or null when it is not a clock time. */
export function clockTimeMs(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * MS_PER_HOUR + minutes * 60_000 : null;
}

/**
 * Reads a date (and time) as spreadsheets really hold them, in UK local time:
 * - numbers of an .xlsx, and (when the mapping says so) text like `45712.5`: Excel serial dates;
 * - `2025-02-24`, `2025-02-24 14:30`, `2025-02-24T14:30:00Z` (with an offset: that instant);
 * - `24/02/2025`, `24.02.25 14:30`, `2/24/2025 2:30 pm`: day or month first as the mapping states;
 * - `24 Feb 2025`, `24-February-2025 09:15`, `February 24, 2025`.
 * Blank cells give null. Anything else, or a date that does not exist (31/02/2025), fails with a reason.
 */
export function parseImportDate(cell: CellValue, reading: DateReading): Parsed<Date | null> {
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === 'number') return fromSerial(cell, reading);
  const text = cell.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: true, value: null };
  if (SERIAL_TEXT.test(text)) {
    return reading.excelSerialDates
      ? fromSerial(Number(text), reading)
      : fail(`"${text}" looks like an Excel serial date; tick "numbers are Excel dates" in the mapping to read it as one`);
  }

  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d, hh, mm, ss, zone] = iso;
    if (zone) {
      const instant = new Date(`${y}-${pad(m!)}-${pad(d!)}T${pad(hh ?? '0')}:${mm ?? '00'}:${ss ?? '00'}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone.toUpperCase()}`);
      return Number.isNaN(instant.getTime()) ? fail(`"${text}" is not a real date`) : { ok: true, value: instant };
    }
    return localInstant(text, Number(y), Number(m), Number(d), hh === undefined ? null : `${hh}:${mm}${ss ? `:${ss}` : ''}`, reading);
  }

  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, a, b, y, time] = numeric;
    const [day, month] = reading.dateOrder === 'day_first' ? [Number(a), Number(b)] : [Number(b), Number(a)];
    const parsed = localInstant(text, fullYear(y!), month, day, time ?? null, reading);
    if (!parsed.ok && realDate(fullYear(y!), month, day)) {
      const order = reading.dateOrder === 'day_first' ? 'month/day/year' : 'day/month/year';
      return fail(`${parsed.reason}; it would be a date read as ${order}: check the date order stated in the mapping`);
    }
    return parsed;
  }

  const named = DAY_MONTH_NAME.exec(text) ?? MONTH_NAME_DAY.exec(text);
  if (named) {
    const dayFirst = /^\d/.test(text);
    const [day, monthName, y, time] = dayFirst ? [named[1]!, named[2]!, named[3]!, named[4]] : [named[2]!, named[1]!, named[3]!, named[4]];
    const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return fail(`"${text}" has no month we know ("${monthName}")`);
    return localInstant(text, fullYear(y), month, Number(day), time ?? null, reading);
  }
  return fail(`"${text}" is not a date we can read (write it like 24/02/2025, 24/02/2025 14:30, 2025-02-24 or 24 Feb 2025)`);
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function pad(n: string): string {
  return n.padStart(2, '0');
}

/** Two-digit years are this century's: escalation logs do not reach back to the 1900s. */
function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function realDate(year: number, day: number, month: number): boolean {
  const check = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

function localInstant(text: string, year: number, month: number, day: number, time: string | null, reading: DateReading): Parsed<Date> {
  if (!realDate(year, day, month)) return fail(`"${text}" is not a real date`);
  let ms = reading.dateOnlyMs;
  if (time !== null) {
    const clock = TIME.exec(time.trim());
    if (!clock) return fail(`"${text}" has a time we cannot read ("${time.trim()}")`);
    let hours = Number(clock[1]);
    const [minutes, seconds, meridiem] = [Number(clock[2]), Number(clock[3] ?? 0), clock[4]?.toLowerCase()];
    if (meridiem) {
      if (hours < 1 || hours > 12) return fail(`"${text}" has an impossible time`);
      hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
    }
    if (hours > 23 || minutes > 59 || seconds > 59) return fail(`"${text}" has an impossible time`);
    ms = ((hours * 60 + minutes) * 60 + seconds) * 1000;
  }
  return { ok: true, value: instantAt(Date.UTC(year, month - 1, day) / MS_PER_DAY, ms) };
}

/**
 * An Excel serial date (days since 1899-12-30, the fraction the time of day), as UK local
 * time, to the second. A whole number is a date without a time: it gets the stated one.
 */
function fromSerial(serial: number, reading: DateReading): Parsed<Date> {
  if (!Number.isFinite(serial) || serial < SERIAL_RANGE.from || serial > SERIAL_RANGE.to) {
    return fail(`${serial} is not a date: as an Excel serial date it is outside 1990–2099`);
  }
  const day = Math.floor(serial);
  const ms = serial === day ? reading.dateOnlyMs : Math.round(((serial - day) * MS_PER_DAY) / 1000) * 1000;
  return { ok: true, value: instantAt(day - EXCEL_EPOCH_SERIAL, Math.min(ms, MS_PER_DAY - 1000)) };
}
