import { SERIES_COLOURS } from '../lib/palette';

export interface SparkPoint {
  readonly label: string;
  /** Null where the value is suppressed or not defined: the line breaks there. */
  readonly value: number | null;
}

interface SparklineProps {
  readonly points: readonly SparkPoint[];
  readonly width?: number;
  readonly height?: number;
  /** The lowest value of the scale; counts start at zero (a sparkline of a count must not exaggerate a change). */
  readonly min?: number;
  readonly max?: number;
}

/** Scales the points into the box, as SVG path commands; a null value breaks the line. */
export function sparklinePath(points: readonly SparkPoint[], width: number, height: number, min: number, max: number): string {
  if (points.length === 0) return '';
  const span = max - min || 1;
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  let drawing = false;
  const commands: string[] = [];
  points.forEach((point, index) => {
    if (point.value === null) {
      drawing = false;
      return;
    }
    const x = points.length > 1 ? index * step : width / 2;
    const y = height - ((point.value - min) / span) * height;
    commands.push(`${drawing ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`);
    drawing = true;
  });
  return commands.join(' ');
}

/**
 * A small line of a figure over time, drawn as plain SVG (no charting library, so the
 * overview stays light). Decorative: the figure and its change are stated in text beside it.
 */
export function Sparkline({ points, width = 160, height = 40, min = 0, max }: SparklineProps) {
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  const top = max ?? Math.max(min + 1, ...values);
  const pad = 3;
  const path = sparklinePath(points, width - pad * 2, height - pad * 2, min, top);
  const last = [...points].reverse().find((point) => point.value !== null);
  const lastIndex = last ? points.lastIndexOf(last) : -1;
  const lastX = points.length > 1 ? pad + (lastIndex * (width - pad * 2)) / (points.length - 1) : width / 2;
  const lastY = last && last.value !== null ? pad + (height - pad * 2) - ((last.value - min) / (top - min || 1)) * (height - pad * 2) : 0;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} stroke="#b1b4b6" strokeWidth={1} />
      <path d={path} transform={`translate(${pad} ${pad})`} fill="none" stroke={SERIES_COLOURS[0]} strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
      {last && <circle cx={lastX} cy={lastY} r={3} fill={SERIES_COLOURS[0]} />}
    </svg>
  );
}
