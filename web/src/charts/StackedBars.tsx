import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../lib/format';
import { GRID_COLOUR, TEXT_COLOUR } from '../lib/palette';
import { ChartKey, mutedFill, SeriesPatterns, seriesFill } from './patterns';

export interface StackedSeries {
  readonly key: string;
  readonly label: string;
  /** One value per period; null where suppressed (drawn as nothing; the table says "<5"). */
  readonly values: readonly (number | null)[];
  /** Drawn in grey stripes, outside the palette: a series that stands for counts too small to show. */
  readonly muted?: boolean;
}

interface StackedBarsProps {
  readonly periods: readonly string[];
  /** At most six, bottom of the stack first (group the rest as "Other" before). */
  readonly series: readonly StackedSeries[];
  /** Written above each bar: the period's total as shown ("<5" when suppressed). */
  readonly totals?: readonly string[];
  readonly yLabel: string;
  readonly height?: number;
}

/** Counts per period stacked by series, from zero, each series with its own colour and texture, a key above and the total over each bar. */
export function StackedBars({ periods, series, totals, yLabel, height = 340 }: StackedBarsProps) {
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  let paletteIndex = 0;
  const fills = series.map((item) => (item.muted ? mutedFill(prefix) : seriesFill(prefix, paletteIndex++)));
  const rows = periods.map((period, index) => {
    const row: Record<string, string | number> = { period, total: totals?.[index] ?? '' };
    for (const item of series) row[item.key] = item.values[index] ?? 0;
    return row;
  });
  return (
    <>
      <SeriesPatterns prefix={prefix} count={paletteIndex} />
      <ChartKey items={series.map((item, index) => ({ label: item.label, fill: fills[index]! }))} />
      <BarChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: 24, right: 10, bottom: 5, left: 10 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
        <XAxis dataKey="period" tick={{ fill: TEXT_COLOUR, fontSize: 14 }} interval="preserveStartEnd" minTickGap={8} />
        <YAxis
          allowDecimals={false}
          domain={[0, 'auto']}
          tickFormatter={(value: number) => formatNumber(value)}
          tick={{ fill: TEXT_COLOUR, fontSize: 14 }}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: TEXT_COLOUR, fontSize: 14, dy: 40 }}
          width={60}
        />
        <Tooltip formatter={(value) => formatNumber(Number(value))} />
        {series.map((item, index) => (
          <Bar key={item.key} dataKey={item.key} name={item.label} stackId="stack" fill={fills[index]} stroke="#fff" strokeWidth={0.5} isAnimationActive={false}
            // A custom shape keeps the top series' bars of height 0, so that every period's total is written.
            {...(totals && index === series.length - 1 ? { shape: (props: unknown) => <Rectangle {...(props as object)} /> } : {})}>
            {totals && index === series.length - 1 && <LabelList dataKey="total" position="top" fill={TEXT_COLOUR} fontSize={14} />}
          </Bar>
        ))}
      </BarChart>
    </>
  );
}
