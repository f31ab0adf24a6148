import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../lib/format';
import { GRID_COLOUR, TEXT_COLOUR } from '../lib/palette';
import { SUPPRESSED } from '../lib/suppression';
import { ChartKey, SeriesPatterns, seriesFill } from './patterns';

export interface HistogramPart {
  readonly key: string;
  readonly label: string;
}

export interface StackedBin {
  readonly label: string;
  /** One value per part, in the order of `parts`; null where suppressed (drawn as nothing). */
  readonly values: readonly (number | null)[];
  /** Written over the bar: its total as it may be shown ("12", "<5", "12 + <5"). */
  readonly total: string;
}

interface StackedHistogramProps {
  /** At most six, bottom of the stack first. */
  readonly parts: readonly HistogramPart[];
  readonly bins: readonly StackedBin[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly height?: number;
}

/** A distribution as touching bars from zero, each split into parts with their own colour and texture, a key above and the total over each bar. */
export function StackedHistogram({ parts, bins, xLabel, yLabel, height = 300 }: StackedHistogramProps) {
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const fills = parts.map((_, index) => seriesFill(prefix, index));
  const rows = bins.map((bin) => {
    const row: Record<string, string | number> = { label: bin.label, total: bin.total };
    parts.forEach((part, index) => {
      const value = bin.values[index] ?? null;
      row[part.key] = value ?? 0;
      row[`${part.key}:shown`] = value === null ? SUPPRESSED : formatNumber(value);
    });
    return row;
  });
  return (
    <>
      <SeriesPatterns prefix={prefix} count={parts.length} />
      <ChartKey items={parts.map((part, index) => ({ label: part.label, fill: fills[index]! }))} />
      <BarChart responsive style={{ width: '100%', height }} data={rows} barCategoryGap={1} margin={{ top: 24, right: 10, bottom: 24, left: 10 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
        <XAxis dataKey="label" tick={{ fill: TEXT_COLOUR, fontSize: 14 }} interval={0}
          label={{ value: xLabel, position: 'insideBottom', offset: -16, fill: TEXT_COLOUR, fontSize: 14 }} />
        <YAxis allowDecimals={false} domain={[0, 'auto']} tickFormatter={(value: number) => formatNumber(value)} tick={{ fill: TEXT_COLOUR, fontSize: 14 }}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: TEXT_COLOUR, fontSize: 14, dy: 50 }} width={60} />
        <Tooltip formatter={(_value, _name, item) => String((item.payload as Record<string, unknown>)[`${String(item.dataKey)}:shown`] ?? '')} />
        {parts.map((part, index) => (
          <Bar key={part.key} dataKey={part.key} name={part.label} stackId="stack" fill={fills[index]} stroke="#fff" strokeWidth={0.5} isAnimationActive={false}
            // A custom shape keeps the bars of height 0, so that a bin of nothing (or of a hidden "<5") still carries its label.
            {...(index === parts.length - 1 ? { shape: (props: unknown) => <Rectangle {...(props as object)} /> } : {})}>
            {index === parts.length - 1 && <LabelList dataKey="total" position="top" fill={TEXT_COLOUR} fontSize={14} />}
          </Bar>
        ))}
      </BarChart>
    </>
  );
}
