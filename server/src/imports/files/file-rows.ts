import type { CellValue } from '@escalation-insights/shared';
import { csvRows } from './csv-rows.js';
import { empty, type ImportFileKind } from './file-kind.js';
import type { SourceRow } from './source-row.js';
import { xlsxRows } from './xlsx-rows.js';

export interface FileRows {
  /** The first non-blank row, trimmed; blank headers become "Column C", repeated ones "Status (2)". */
  readonly headers: readonly string[];
  /** Every later row that has anything in it, in file order. */
  readonly rows: AsyncGenerator<SourceRow>;
}

const isBlank = (cell: CellValue): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');

/**
 * Opens a stored file as headers and a stream of rows. Blank lines (and rows of empty
 * cells, as spreadsheets leave after their data) are skipped wherever they are.
 * @throws ImportsException EMPTY_FILE when there is no header row
 */
export async function openFileRows(path: string, kind: ImportFileKind): Promise<FileRows> {
  const source = kind === 'csv' ? csvRows(path) : xlsxRows(path);
  const nonBlank = (async function* () {
    for await (const row of source) if (!row.cells.every(isBlank)) yield row;
  })();
  const first = await nonBlank.next();
  if (first.done) throw empty('The file has no rows: not even a header row.');
  return { headers: headerNames(first.value.cells), rows: nonBlank };
}

function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function headerNames(cells: readonly CellValue[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const name = (cell === null ? '' : String(cell)).replace(/\s+/g, ' ').trim() || `Column ${columnLetters(index)}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
