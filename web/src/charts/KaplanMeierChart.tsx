import { CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDecimal, formatPercent } from '../lib/format';
import { GRID_COLOUR, SERIES_COLOURS, TARGET_COLOUR, TEXT_COLOUR } from '../lib/palette';

export interface SurvivalStep {
  /** Days since raised. */
  readonly time: number;
  /** Share still unresolved, 0 to 1. */
  readonly survival: number;
}

interface KaplanMeierChartProps {
  /** The curve's steps, from time 0 (survival 1). */
  readonly steps: readonly SurvivalStep[];
  /** Where escalations left the cohort unresolved (still open, withdrawn…): ticks on the curve. */
  readonly censored: readonly SurvivalStep[];
  /** The first time the curve falls to 0.5 or below; null when it never does. */
  readonly median: number | null;
  readonly height?: number;
}

function CensorTick({ cx, cy }: { readonly cx?: number; readonly cy?: number }) {
  if (cx === undefined || cy === undefined) return null;
  return <path d={`M${cx},${cy - 6} V${cy + 6}`} stroke={SERIES_COLOURS[2]} strokeWidth={2} />;
}

/**
 * Time to resolution as a Kaplan–Meier step curve: the share of escalations still
 * unresolved after each number of days, with ticks where escalations were censored and
 * the median marked by dashed lines at 50%.
 */
export function KaplanMeierChart({ steps, censored, median, height = 320 }: KaplanMeierChartProps) {
  const maxTime = Math.max(1, ...steps.map((step) => step.time), ...censored.map((point) => point.time));
  return (
    <ComposedChart responsive style={{ width: '100%', height }} margin={{ top: 10, right: 20, bottom: 24, left: 10 }} accessibilityLayer={false}>
      <CartesianGrid stroke={GRID_COLOUR} />
      <XAxis type="number" dataKey="time" domain={[0, Math.ceil(maxTime)]} tickFormatter={(value: number) => formatDecimal(value)} tick={{ fill: TEXT_COLOUR, fontSize: 14 }}
        label={{ value: 'Days since raised', position: 'insideBottom', offset: -16, fill: TEXT_COLOUR, fontSize: 14 }} allowDuplicatedCategory={false} />
      <YAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(value: number) => formatPercent(value)} tick={{ fill: TEXT_COLOUR, fontSize: 14 }} width={56} />
      <Tooltip formatter={(value) => formatPercent(Number(value))} labelFormatter={(label) => `${formatDecimal(Number(label))} days`} />
      <ReferenceLine y={0.5} stroke={TARGET_COLOUR} strokeDasharray="4 4" />
      {median !== null && <ReferenceLine x={median} stroke={TARGET_COLOUR} strokeDasharray="4 4" />}
      {median !== null && (
        <ReferenceDot x={median} y={0.5} r={5} fill={TARGET_COLOUR} stroke="#fff"
          label={{ value: `Median: ${formatDecimal(median)} days`, position: 'right', fill: TEXT_COLOUR, fontSize: 14, fontWeight: 700, offset: 10 }} />
      )}
      <Line data={[...steps]} dataKey="survival" name="Still unresolved" type="stepAfter" stroke={SERIES_COLOURS[0]} strokeWidth={2.5} dot={false} isAnimationActive={false} />
      <Scatter data={[...censored]} dataKey="survival" name="Censored" shape={(props: { cx?: number; cy?: number }) => <CensorTick cx={props.cx} cy={props.cy} />} isAnimationActive={false} />
    </ComposedChart>
  );
}
