import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, usePlotArea, useYAxisScale, XAxis, YAxis } from 'recharts';
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
/** Longest label drawn whole; longer ones are cut with an ellipsis. */
const LABEL_CHARACTERS = 20;

/** A line's last value shown (its end), if any. */
function lastValue(item: LineSeries): number | undefined {
  return [...item.values].reverse().find((value): value is number => value !== null);
}

/**
 * Vertical offsets (px) for the end labels, so that lines ending close together do not
 * print their names over each other. From the highest end down, each label sits where
 * its line ends, or LABEL_SPACING below the label above it if that is lower: so labels
 * pushed down by one group never land on the next line's label either.
 */
export function labelNudges(series: readonly LineSeries[], domain: readonly [number, number], plotHeight: number): Map<string, number> {
  const span = domain[1] - domain[0] || 1;
  const ends = series
    .map((item) => ({ key: item.key, value: lastValue(item) }))
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

/**
 * Each line's name, with its marker, just right of the plot at the height its line ends
 * (stacked by labelNudges where lines end close together). At the plot's edge rather than
 * at the line's last point, so that a line ending early (a gap, or a number too small to
 * show) does not print its name over the lines that go on.
 */
function EndLabels({ series, domain }: { readonly series: readonly LineSeries[]; readonly domain: readonly [number, number] }) {
  const plot = usePlotArea();
  const yScale = useYAxisScale();
  if (!plot || !yScale) return null;
  const nudges = labelNudges(series, domain, plot.height);
  const x = plot.x + plot.width + 10;
  return (
    <g>
      {series.map((item, index) => {
        const value = lastValue(item);
        const at = value === undefined ? undefined : yScale(value);
        if (at === undefined) return null;
        const y = Number(at) + (nudges.get(item.key) ?? 0);
        return (
          <g key={item.key}>
            <Marker cx={x + 5} cy={y} index={index} />
            <text x={x + 14} y={y + 5} fill={seriesColour(index)} fontSize={14} fontWeight={700}>
              {item.label.length > LABEL_CHARACTERS ? `${item.label.slice(0, LABEL_CHARACTERS - 1)}…` : item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Lines over time, each labelled at its end (not through a legend), with an optional dashed target line. */
export function TimeSeriesLines({ periods, series, format, domain = [0, 1], target, height = 320 }: TimeSeriesLinesProps) {
  const rows = periods.map((period, index) => {
    const row: Record<string, string | number | null> = { period };
    for (const item of series) row[item.key] = item.values[index] ?? null;
    return row;
  });
  return (
    <LineChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: 10, right: 160, bottom: 5, left: 10 }} accessibilityLayer={false}>
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
        />
      ))}
      <EndLabels series={series} domain={domain} />
    </LineChart>
  );
}
