import type { ReactNode } from 'react';

export interface Column<Row> {
  readonly key: string;
  /** The header, with its unit where it has one: "Escalations (count)", "Share (%)". */
  readonly header: string;
  readonly numeric?: boolean;
  /** The row's header cell (one per row, usually the first column). */
  readonly rowHeader?: boolean;
  readonly cell: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  readonly caption: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row, index: number) => string;
  /** Hide the caption visually (when a heading right above already says it). */
  readonly hiddenCaption?: boolean;
  readonly className?: string;
}

/** A chart's data, or any list of figures: numeric columns right-aligned, one row header per row. */
export function DataTable<Row>({ caption, columns, rows, rowKey, hiddenCaption = false, className }: DataTableProps<Row>) {
  return (
    <div className="table-wrapper" tabIndex={0} role="region" aria-label={caption}>
      <table className={`table table--data${className ? ` ${className}` : ''}`}>
        <caption className={hiddenCaption ? 'visually-hidden' : 'table__caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'table__numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={column.numeric ? 'table__numeric' : undefined}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? 'table__numeric' : undefined}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
