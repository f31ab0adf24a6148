import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../lib/format';
import { GRID_COLOUR, SERIES_COLOURS, TEXT_COLOUR } from '../lib/palette';
import { SUPPRESSED } from '../lib/suppression';

export interface HistogramBin {
  readonly label: string;
  /** Null when suppressed: drawn as nothing, labelled "<5". */
  readonly count: number | null;
}

interface HistogramProps {
  readonly bins: readonly HistogramBin[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly height?: number;
}

/** A distribution as touching bars from zero, each labelled with its count. */
export function Histogram({ bins, xLabel, yLabel, height = 280 }: HistogramProps) {
  const rows = bins.map((bin) => ({ label: bin.label, count: bin.count ?? 0, shown: bin.count === null ? SUPPRESSED : formatNumber(bin.count) }));
  return (
    <BarChart responsive style={{ width: '100%', height }} data={rows} barCategoryGap={1} margin={{ top: 24, right: 10, bottom: 24, left: 10 }} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
      <XAxis dataKey="label" tick={{ fill: TEXT_COLOUR, fontSize: 14 }} label={{ value: xLabel, position: 'insideBottom', offset: -16, fill: TEXT_COLOUR, fontSize: 14 }} interval={0} />
      <YAxis allowDecimals={false} domain={[0, 'auto']} tickFormatter={(value: number) => formatNumber(value)} tick={{ fill: TEXT_COLOUR, fontSize: 14 }}
        label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: TEXT_COLOUR, fontSize: 14, dy: 50 }} width={60} />
      <Tooltip formatter={(_value, _name, item) => (item.payload as { shown: string }).shown} />
      {/* A custom shape keeps the bars of height 0, so that an empty bin, or one hidden as "<5", still carries its label. */}
      <Bar dataKey="count" name={yLabel} fill={SERIES_COLOURS[0]} isAnimationActive={false} shape={(props: unknown) => <Rectangle {...(props as object)} />}>
        <LabelList dataKey="shown" position="top" fill={TEXT_COLOUR} fontSize={14} />
      </Bar>
    </BarChart>
  );
}
