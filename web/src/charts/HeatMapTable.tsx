export interface HeatMapAxisItem {
  readonly key: string;
  readonly label: string;
  /** The row's or column's total, as shown ("1,204" or "<5"). */
  readonly total: string;
}

export interface HeatMapCell {
  /** As shown: "12", "0" or "<5". */
  readonly display: string;
  /** Null when suppressed. */
  readonly value: number | null;
}

interface HeatMapTableProps {
  readonly caption: string;
  /** What the rows and columns are, for the corner cell: "Raised by ↓ / with →". */
  readonly corner: string;
  readonly rows: readonly HeatMapAxisItem[];
  readonly columns: readonly HeatMapAxisItem[];
  readonly cell: (rowKey: string, columnKey: string) => HeatMapCell;
  readonly shade: (value: number | null) => { readonly background: string; readonly dark: boolean };
}

/**
 * A heat map drawn as a table: the count is written in every cell and the shade only
 * repeats it, so the table is its own text alternative. Totals close each row and column.
 */
export function HeatMapTable({ caption, corner, rows, columns, cell, shade }: HeatMapTableProps) {
  return (
    <div className="table-wrapper" tabIndex={0} role="region" aria-label={caption}>
      <table className="table heat-map">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <td className="heat-map__corner">{corner}</td>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col" className="heat-map__total">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {columns.map((column) => {
                const value = cell(row.key, column.key);
                const { background, dark } = shade(value.value);
                return (
                  <td key={column.key} className={`heat-map__cell${dark ? ' heat-map__cell--dark' : ''}${value.value === null ? ' heat-map__cell--suppressed' : ''}`} style={{ background }}>
                    {value.display}
                  </td>
                );
              })}
              <td className="heat-map__total">{row.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {columns.map((column) => (
              <td key={column.key} className="heat-map__total">
                {column.total}
              </td>
            ))}
            <td className="heat-map__total" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
