import { BarRows } from '../../charts/BarRows';
import { ChartPanel } from '../../charts/ChartPanel';
import { DataTable } from '../../components/DataTable';
import { formatDate, formatMonth } from '../../lib/format';
import type { ThemeFigures } from './strategic-log.graphql';

/** The entry's theme kept live: is the problem still coming up since the entry was added? */
export function ThemeFiguresPanel({ figures, themeName }: { readonly figures: ThemeFigures; readonly themeName: string }) {
  const total = figures.raisedSinceAdded;
  const title =
    total.value === 0
      ? `No new escalations on this theme since ${formatDate(figures.since)}`
      : `${total.display} escalation${total.value === 1 ? '' : 's'} on this theme since the entry was added on ${formatDate(figures.since)}`;
  const label = (month: { month: string; partial: boolean }) => `${formatMonth(month.month)}${month.partial ? ' (part)' : ''}`;
  return (
    <ChartPanel
      title={title}
      question="Does the problem persist? Escalations of the same category with the same agency, month by month since the entry was added."
      state={{ status: 'ready' }}
      summary={`${total.display} escalations of ${themeName} raised from ${formatDate(figures.since)} to ${formatDate(figures.through)}, of which the monthly counts follow in the table.`}
      chart={
        <BarRows
          rows={figures.months.map((month) => ({ key: month.month, label: label(month), value: month.escalations.value, text: month.escalations.display }))}
        />
      }
      table={
        <DataTable
          caption={`Escalations of the theme by month, ${formatDate(figures.since)} to ${formatDate(figures.through)}`}
          rows={[...figures.months, { month: 'total', partial: false, escalations: total }]}
          rowKey={(month) => month.month}
          columns={[
            { key: 'month', header: 'Month', rowHeader: true, cell: (month) => (month.month === 'total' ? 'Total' : label(month)) },
            { key: 'count', header: 'Escalations (count)', numeric: true, cell: (month) => month.escalations.display },
          ]}
        />
      }
      suppressed={[total, figures.linked, ...figures.months.map((month) => month.escalations)].some((count) => count.suppressed)}
      footnotes={[
        `Counted from the day the entry was added to today; “(part)” marks a month only partly counted. Out-of-scope escalations are left out. ${figures.linked.display} escalations are linked to the entry.`,
      ]}
    />
  );
}
