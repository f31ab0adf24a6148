import type { MatrixAxisItem, ThemeMatrix } from './models/themes.model.js';
import type { CountBook, SettledCounts } from './suppression.js';

export interface AxisEntry {
  readonly key: string;
  readonly label: string;
  readonly partnershipId: string | null;
}

export interface MatrixData {
  readonly rows: readonly AxisEntry[];
  readonly columns: readonly AxisEntry[];
  readonly cells: readonly { readonly row: string; readonly column: string; readonly count: number }[];
}

const cellId = (prefix: string, row: string, column: string) => `${prefix}:cell:${row}:${column}`;
const rowId = (prefix: string, row: string) => `${prefix}:row:${row}`;
const columnId = (prefix: string, column: string) => `${prefix}:column:${column}`;

/** Registers a matrix: each row and each column sums to its total, and both sets of totals to `grandTotal`. */
export function addMatrix(book: CountBook, prefix: string, data: MatrixData, grandTotal: string): void {
  const rowTotals = new Map<string, number>(data.rows.map((r) => [r.key, 0]));
  const columnTotals = new Map<string, number>(data.columns.map((c) => [c.key, 0]));
  for (const cell of data.cells) {
    book.add(cellId(prefix, cell.row, cell.column), cell.count);
    rowTotals.set(cell.row, (rowTotals.get(cell.row) ?? 0) + cell.count);
    columnTotals.set(cell.column, (columnTotals.get(cell.column) ?? 0) + cell.count);
  }
  for (const [row, total] of rowTotals) {
    book.relate(book.add(rowId(prefix, row), total), data.cells.filter((c) => c.row === row).map((c) => cellId(prefix, c.row, c.column)));
  }
  for (const [column, total] of columnTotals) {
    book.relate(book.add(columnId(prefix, column), total), data.cells.filter((c) => c.column === column).map((c) => cellId(prefix, c.row, c.column)));
  }
  book.relate(grandTotal, [...rowTotals.keys()].map((row) => rowId(prefix, row)));
  book.relate(grandTotal, [...columnTotals.keys()].map((column) => columnId(prefix, column)));
}

export function matrixFigures(settled: SettledCounts, prefix: string, data: MatrixData): ThemeMatrix {
  const axis = (entries: readonly AxisEntry[], id: (key: string) => string): MatrixAxisItem[] =>
    entries.map((e) => ({ key: e.key, label: e.label, partnershipId: e.partnershipId, total: settled.figure(id(e.key)) }));
  return {
    rows: axis(data.rows, (key) => rowId(prefix, key)),
    columns: axis(data.columns, (key) => columnId(prefix, key)),
    cells: data.cells
      .filter((c) => c.count > 0)
      .map((c) => ({ rowKey: c.row, columnKey: c.column, count: settled.figure(cellId(prefix, c.row, c.column)) })),
  };
}
