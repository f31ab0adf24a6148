import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** What a CSV cell can be given; dates are written as ISO 8601 instants. */
export type CsvValue = string | number | boolean | Date | null | undefined;

/** A CSV column of rows of type T. */
export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => CsvValue;
}

/**
 * One cell, RFC 4180: quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) is
 * prefixed with an apostrophe, so an exported summary can never become a formula
 * (OWASP "CSV injection"); numbers are written as they are.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  let text = value instanceof Date ? value.toISOString() : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * Streams rows to `out` as CSV under a header line, with a byte-order mark so that Excel
 * reads UTF-8 (names such as "Children’s Social Care" and accented names stay whole).
 * Waits for the stream to drain between batches: memory stays flat however many rows.
 */
export async function writeCsv<T>(out: Writable, columns: readonly CsvColumn<T>[], batches: AsyncIterable<readonly T[]>): Promise<number> {
  let count = 0;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${csvLine(columns.map((c) => c.header))}`);
  for await (const batch of batches) {
    await write(batch.map((row) => csvLine(columns.map((c) => c.value(row)))).join(''));
    count += batch.length;
  }
  return count;
}
