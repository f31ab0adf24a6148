import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { HeatMapTable } from '../../charts/HeatMapTable';
import { anyApiSuppressed } from '../../lib/suppression';
import { heatShade } from './theme-findings';
import type { ThemeMatrix } from './themes.graphql';

interface MatrixPanelProps {
  readonly state: PanelState;
  readonly matrix: ThemeMatrix | undefined;
  readonly question: string;
  readonly caption: string;
  readonly corner: string;
  /** Builds the finding from the largest cell: its row, column and count. */
  readonly finding: (row: string, column: string, display: string) => string;
  readonly fallbackTitle: string;
}

/** A two-way count (raising × receiving agency, category × receiving agency) as a heat map with counts in the cells. */
export function MatrixPanel({ state, matrix, question, caption, corner, finding, fallbackTitle }: MatrixPanelProps) {
  const cells = new Map((matrix?.cells ?? []).map((cell) => [`${cell.rowKey}|${cell.columnKey}`, cell.count]));
  const max = Math.max(1, ...(matrix?.cells ?? []).map((cell) => cell.count.value ?? 0));
  const largest = (matrix?.cells ?? []).reduce<ThemeMatrix['cells'][number] | null>((best, cell) => ((cell.count.value ?? -1) > (best?.count.value ?? -1) ? cell : best), null);
  const label = (items: ThemeMatrix['rows'] | undefined, key: string) => items?.find((item) => item.key === key)?.label ?? key;
  const title = largest && largest.count.value ? finding(label(matrix?.rows, largest.rowKey), label(matrix?.columns, largest.columnKey), largest.count.display) : fallbackTitle;
  return (
    <ChartPanel
      title={title}
      question={question}
      state={state}
      suppressed={anyApiSuppressed((matrix?.cells ?? []).map((cell) => cell.count))}
      tableBeneath
      table={
        matrix && (
          <HeatMapTable
            caption={caption}
            corner={corner}
            rows={matrix.rows.map((row) => ({ key: row.key, label: row.label, total: row.total.display }))}
            columns={matrix.columns.map((column) => ({ key: column.key, label: column.label, total: column.total.display }))}
            cell={(row, column) => {
              const count = cells.get(`${row}|${column}`);
              return count ? { display: count.display, value: count.value } : { display: '0', value: 0 };
            }}
            shade={(value) => heatShade(value, max)}
          />
        )
      }
      footnotes={['Each cell counts escalations; the darker the cell, the more there were. Grey cells hold a number too small to show. On a narrow screen the table scrolls sideways.']}
    />
  );
}
