import { CartesianGrid, LabelList, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { GRID_COLOUR, seriesColour, TARGET_COLOUR, TEXT_COLOUR } from '../lib/palette';

export interface LineSeries {
  readonly key: string;
  readonly label: string;
  /** One value per period; null where not shown (no data, or built on a suppressed count): the line breaks. */
  readonly values: readonly (number | null)[];
}

interface TimeSeriesLinesProps {
  readonly periods: readonly string[];
  /** At most six. */
  readonly series: readonly LineSeries[];
  readonly format: (value: number) => string;
  readonly domain?: readonly [number, number];
  /** A horizontal target, drawn dashed and labelled. */
  readonly target?: { readonly value: number; readonly label: string };
  readonly height?: number;
}

/** Dash patterns per series, so that lines differ by more than colour. */
const DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 4', '1 5'] as const;
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'circle', 'square'] as const;

function Marker({ cx, cy, index }: { readonly cx?: number; readonly cy?: number; readonly index: number }) {
  if (cx === undefined || cy === undefined) return null;
  const colour = seriesColour(index);
  switch (MARKERS[index % MARKERS.length]) {
    case 'square':
      return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill={colour} />;
    case 'triangle':
      return <path d={`M${cx},${cy - 5} L${cx + 5},${cy + 4} L${cx - 5},${cy + 4} Z`} fill={colour} />;
    case 'diamond':
      return <path d={`M${cx},${cy - 5} L${cx + 5},${cy} L${cx},${cy + 5} L${cx - 5},${cy} Z`} fill={colour} />;
    default:
      return <circle cx={cx} cy={cy} r={4} fill={colour} />;
  }
}

/** Height of one end label, in px: labels are kept at least this far apart. */
const LABEL_SPACING = 16;
/** The chart's margins and x-axis, in px: what its height holds besides the plot. */
const PLOT_MARGINS = { top: 10, bottom: 5, axis: 30 } as const;

/**
 * Vertical offsets (px) for the end labels, so that lines ending close together do not
 * print their names over each other. From the highest end down, each label sits where
 * its line ends, or LABEL_SPACING below the label above it if that is lower: so labels
 * pushed down by one group never land on the next line's label either.
 */
export function labelNudges(series: readonly LineSeries[], domain: readonly [number, number], plotHeight: number): Map<string, number> {
  const span = domain[1] - domain[0] || 1;
  const ends = series
    .map((item) => ({ key: item.key, value: [...item.values].reverse().find((value): value is number => value !== null) }))
    .filter((end): end is { key: string; value: number } => end.value !== undefined)
    .sort((a, b) => b.value - a.value);
  const nudges = new Map<string, number>();
  let lowest = -Infinity;
  for (const end of ends) {
    const natural = (1 - (end.value - domain[0]) / span) * plotHeight;
    const placed = Math.max(natural, lowest + LABEL_SPACING);
    nudges.set(end.key, Math.round(placed - natural));
    lowest = placed;
  }
  return nudges;
}

/** Lines over time, each labelled at its end (not through a legend), with an optional dashed target line. */
export function TimeSeriesLines({ periods, series, format, domain = [0, 1], target, height = 320 }: TimeSeriesLinesProps) {
  const rows = periods.map((period, index) => {
    const row: Record<string, string | number | null> = { period };
    for (const item of series) row[item.key] = item.values[index] ?? null;
    return row;
  });
  const lastIndex = (item: LineSeries) => item.values.reduce<number>((last, value, index) => (value === null ? last : index), -1);
  const nudges = labelNudges(series, domain, height - PLOT_MARGINS.top - PLOT_MARGINS.bottom - PLOT_MARGINS.axis);
  return (
    <LineChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: PLOT_MARGINS.top, right: 150, bottom: PLOT_MARGINS.bottom, left: 10 }} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
      <XAxis dataKey="period" tick={{ fill: TEXT_COLOUR, fontSize: 14 }} interval="preserveStartEnd" minTickGap={8} />
      <YAxis domain={[...domain]} tickFormatter={(value: number) => format(value)} tick={{ fill: TEXT_COLOUR, fontSize: 14 }} width={56} />
      <Tooltip formatter={(value) => (value === null ? 'not shown' : format(Number(value)))} />
      {target && (
        <ReferenceLine
          y={target.value}
          stroke={TARGET_COLOUR}
          strokeDasharray="6 4"
          strokeWidth={2}
          // At the left end: the right end is where the lines' own labels are.
          label={{ value: target.label, position: 'insideBottomLeft', fill: TEXT_COLOUR, fontSize: 14 }}
        />
      )}
      {series.map((item, index) => (
        <Line
          key={item.key}
          dataKey={item.key}
          name={item.label}
          type="linear"
          stroke={seriesColour(index)}
          strokeWidth={2.5}
          strokeDasharray={DASHES[index % DASHES.length]}
          dot={(props: { cx?: number; cy?: number; index?: number }) => <Marker key={`${item.key}-${props.index}`} cx={props.cx} cy={props.cy} index={index} />}
          connectNulls={false}
          isAnimationActive={false}
        >
          <LabelList
            dataKey={item.key}
            content={(props: { x?: number | string; y?: number | string; index?: number }) =>
              props.index === lastIndex(item) ? (
                <text x={Number(props.x) + 10} y={Number(props.y) + 5 + (nudges.get(item.key) ?? 0)} fill={seriesColour(index)} fontSize={14} fontWeight={700}>
                  {item.label.length > 20 ? `${item.label.slice(0, 19)}…` : item.label}
                </text>
              ) : null
            }
          />
        </Line>
      ))}
    </LineChart>
  );
}
