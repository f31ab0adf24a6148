import { useId } from 'react';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { StackedBars } from '../../charts/StackedBars';
import { DataTable } from '../../components/DataTable';
import { anyApiSuppressed } from '../../lib/suppression';
import { categoryFinding, categorySeries } from './theme-findings';
import type { ThemeInterval, ThemesData } from './themes.graphql';

interface CategoriesOverTimeProps {
  readonly state: PanelState;
  readonly data: ThemesData['themes'] | undefined;
  readonly interval: ThemeInterval;
  readonly onInterval: (interval: ThemeInterval) => void;
}

/** Categories of disagreement month by month (or quarter by quarter), stacked from zero. */
export function CategoriesOverTime({ state, data, interval, onInterval }: CategoriesOverTimeProps) {
  const buckets = data?.buckets ?? [];
  const series = data ? categorySeries(data.categories, data.bucketTotals) : [];
  const finding = data && state.status === 'ready' ? categoryFinding(data.categories, data.cohort.escalations) : null;
  const controlId = useId();
  const bucketLabel = (index: number) => `${buckets[index]?.label ?? ''}${buckets[index]?.partial ? ' (part)' : ''}`;
  return (
    <ChartPanel
      title={finding ?? 'Categories of disagreement over time'}
      question="What keeps recurring, and is it rising?"
      state={state}
      summary={data ? `${series.map((item) => `${item.label}: ${item.values.map((value, index) => `${bucketLabel(index)} ${value ?? 'fewer than 5'}`).join(', ')}`).join('. ')}.` : undefined}
      suppressed={anyApiSuppressed((data?.categories ?? []).flatMap((category) => category.series))}
      controls={
        <div className="chart-control">
          <span className="chart-control__label" id={controlId}>
            Count by
          </span>
          <div className="view-toggle" role="group" aria-labelledby={controlId}>
            <button type="button" className="view-toggle__button" aria-pressed={interval === 'MONTH'} onClick={() => onInterval('MONTH')}>
              Month
            </button>
            <button type="button" className="view-toggle__button" aria-pressed={interval === 'QUARTER'} onClick={() => onInterval('QUARTER')}>
              Quarter
            </button>
          </div>
        </div>
      }
      chart={
        <>
          <StackedBars periods={buckets.map((_, index) => bucketLabel(index))} series={series} totals={(data?.bucketTotals ?? []).map((count) => count.display)} yLabel="Escalations" />
        </>
      }
      table={
        <DataTable
          caption={`Escalations by category and ${interval === 'MONTH' ? 'month' : 'quarter'} raised`}
          rowKey={(category) => category.categoryCode}
          rows={data?.categories ?? []}
          columns={[
            { key: 'category', header: 'Category', rowHeader: true, cell: (category) => category.label },
            ...buckets.map((bucket, index) => ({ key: bucket.start, header: `${bucketLabel(index)} (count)`, numeric: true, cell: (category: ThemesData['themes']['categories'][number]) => category.series[index]?.display ?? '–' })),
            { key: 'total', header: 'Period (count)', numeric: true, cell: (category) => category.change.current.display },
            { key: 'previous', header: 'Previous period (count)', numeric: true, cell: (category) => category.change.previous.display },
          ]}
        />
      }
      footnotes={[
        'Bars start at zero and stack the categories in the order of the key; the number above each bar is its total. Quarters are financial-year quarters (Q1 is April to June).',
        ...(series.some((item) => item.muted) ? ['Grey striped parts hold the escalations of categories with fewer than 5 that month or quarter, together.'] : []),
        ...(buckets.some((bucket) => bucket.partial) ? ['“(part)”: only some of its days are in the period.'] : []),
      ]}
    />
  );
}
