import type { CsvValue } from './csv-writer.js';

/** A table flattened out of a nested answer: named by its path, with its columns in first-seen order. */
export interface FlatTable {
  readonly name: string;
  readonly columns: string[];
  readonly rows: Record<string, CsvValue>[];
}

type Json = unknown;

const isCount = (value: Json): value is { display: string; suppressed: boolean } =>
  typeof value === 'object' && value !== null && 'display' in value && 'suppressed' in value;

const isPlainObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Turns any answer of the analytics API into tables, whatever its shape: every list of
 * objects becomes a table named by its path ("stages.stages", "byRule"), with nested
 * objects' scalars as dotted columns ("change.current"); a count is written as shown
 * ("<5" when suppressed); the answer's own scalars form the table "summary". Lists of
 * scalars (sparklines) are joined with spaces. Used for every analytics export, so a
 * new statistic exports without code of its own.
 */
export function tabulate(answer: Record<string, Json>): FlatTable[] {
  const tables = new Map<string, FlatTable>();
  const table = (name: string) => {
    let found = tables.get(name);
    if (!found) tables.set(name, (found = { name, columns: [], rows: [] }));
    return found;
  };
  const addRow = (name: string, row: Record<string, CsvValue>) => {
    const t = table(name);
    for (const column of Object.keys(row)) if (!t.columns.includes(column)) t.columns.push(column);
    t.rows.push(row);
  };

  /** Scalars of `value` into `row` under `prefix`; lists of objects are gathered into `lists` by their relative name. */
  const collect = (value: Json, prefix: string, row: Record<string, CsvValue>, lists: [string, Json[]][]) => {
    if (isCount(value)) row[prefix] = value.display;
    else if (value instanceof Date || typeof value !== 'object' || value === null) row[prefix] = value as CsvValue;
    else if (Array.isArray(value)) {
      if (value.every((item) => !isPlainObject(item) || isCount(item))) row[prefix] = value.map((item) => (isCount(item) ? item.display : String(item ?? ''))).join(' ');
      else lists.push([prefix, value]);
    } else {
      for (const [key, inner] of Object.entries(value)) collect(inner, prefix ? `${prefix}.${key}` : key, row, lists);
    }
  };
  /** One object as a row of table `path`, after its parent's columns; its own lists become child tables. */
  const walk = (value: Json, path: string, parent: Record<string, CsvValue>) => {
    const own: Record<string, CsvValue> = {};
    const lists: [string, Json[]][] = [];
    collect(value, '', own, lists);
    addRow(path, { ...parent, ...own });
    const label = path.split('.').at(-1)!;
    const context = Object.fromEntries(Object.entries(own).map(([key, cell]) => [`${label}.${key}`, cell]));
    for (const [key, items] of lists) for (const item of items) walk(item, `${path}.${key}`, { ...parent, ...context });
  };
  const summary: Record<string, CsvValue> = {};
  const lists: [string, Json[]][] = [];
  collect(answer, '', summary, lists);
  addRow('summary', summary);
  for (const [key, items] of lists) for (const item of items) walk(item, key, {});
  return [table('summary'), ...[...tables.values()].filter((t) => t.name !== 'summary')];
}
