import { SERIES_COLOURS } from '../lib/palette';

export interface BarRow {
  readonly key: string;
  readonly label: string;
  /** The bar's length; null when suppressed (no bar, the text says "<5"). */
  readonly value: number | null;
  /** What is written at the bar's end: "1,204 (100%)". */
  readonly text: string;
  /** A second, lighter bar beneath (e.g. escalations that entered this stage, beside those that reached it or beyond). */
  readonly secondary?: { readonly value: number | null; readonly text: string };
}

interface BarRowsProps {
  readonly rows: readonly BarRow[];
  /** The value of a full-width bar (default: the largest value); bars start at zero. */
  readonly max?: number;
  readonly colour?: string;
}

/** Horizontal bars drawn in HTML: crisp at any width, labelled directly, and readable without the charting library. */
export function BarRows({ rows, max, colour = SERIES_COLOURS[0] }: BarRowsProps) {
  const top = max ?? Math.max(1, ...rows.flatMap((row) => [row.value ?? 0, row.secondary?.value ?? 0]));
  const width = (value: number | null) => `${value === null || top === 0 ? 0 : Math.max(0, Math.min(100, (value / top) * 100))}%`;
  return (
    <ul className="bar-rows">
      {rows.map((row) => (
        <li key={row.key} className="bar-row">
          <span className="bar-row__label">{row.label}</span>{' '}
          <span className="bar-row__bars">
            <span className="bar-row__track">
              <span className="bar-row__area">
                <span className="bar-row__bar" style={{ width: width(row.value), background: colour }} />
              </span>
              <span className="bar-row__value">{row.text}</span>
            </span>{' '}
            {row.secondary && (
              <span className="bar-row__track bar-row__track--secondary">
                <span className="bar-row__area">
                  <span className="bar-row__bar bar-row__bar--secondary" style={{ width: width(row.secondary.value) }} />
                </span>
                <span className="bar-row__value">{row.secondary.text}</span>
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
