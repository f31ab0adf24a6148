import { BarRows } from '../../charts/BarRows';
import { ChartPanel } from '../../charts/ChartPanel';
import { DataTable } from '../../components/DataTable';
import { formatDate, formatDecimal } from '../../lib/format';
import type { ImpactWindow, ThemeImpact } from './strategic-log.graphql';
import { impactFinding, windowText } from './strategic-log-text';

/** "Has it worked?": the theme's monthly rate of escalations before and after the entry was completed, with the counts behind it. */
export function HasItWorkedPanel({ impact }: { readonly impact: ThemeImpact | null }) {
  if (!impact) {
    return (
      <section className="chart-panel" aria-labelledby="has-it-worked-title">
        <h2 className="heading-m chart-panel__title" id="has-it-worked-title">
          Has it worked?
        </h2>
        <p>
          Once the entry is actioned or closed, this compares how often escalations on its theme were raised before and after
          its completion date.
        </p>
      </section>
    );
  }
  const rate = (window: ImpactWindow) => (window.perMonth === null ? 'Not shown' : formatDecimal(window.perMonth));
  const sides = [
    { key: 'before', label: `Before: ${windowText(impact.before)}`, window: impact.before },
    { key: 'after', label: `After: ${windowText(impact.after)}`, window: impact.after },
  ];
  const suppressed = impact.before.escalations.suppressed || impact.after.escalations.suppressed;
  return (
    <ChartPanel
      title={`Has it worked? ${impactFinding(impact)}`}
      question={`Did practice change? Escalations on the theme per month in the ${impact.windowDays} days before and after completion on ${formatDate(impact.completedOn)}.`}
      state={{ status: 'ready' }}
      summary={impact.summary}
      tableBeneath
      chart={
        impact.windowDays > 0 ? (
          <BarRows rows={sides.map((side) => ({ key: side.key, label: side.label, value: side.window.perMonth, text: `${rate(side.window)} a month` }))} />
        ) : undefined
      }
      table={
        <>
          {impact.caveat && (
            <div className="inset log-caveat">
              <p>
                <strong>{impact.caveat}</strong>
              </p>
            </div>
          )}
          <DataTable
            caption="Escalations on the theme before and after completion"
            rows={sides}
            rowKey={(side) => side.key}
            columns={[
              { key: 'window', header: 'Window', rowHeader: true, cell: (side) => side.label },
              { key: 'days', header: 'Length (days)', numeric: true, cell: () => impact.windowDays },
              { key: 'count', header: 'Escalations (count)', numeric: true, cell: (side) => side.window.escalations.display },
              { key: 'rate', header: 'Escalations per month', numeric: true, cell: (side) => rate(side.window) },
            ]}
          />
        </>
      }
      suppressed={suppressed}
      footnotes={[
        'Each window is as long as the time since completion, up to 182 days (about six months): the after window starts on the completion date, the before window ends the day before it.',
        `A month is 365.25 ÷ 12 days. With fewer than ${impact.fewestEscalations} escalations in a window, chance alone moves a count by a third or more, so a change cannot be told from chance.`,
        ...(suppressed ? ['A rate built on a count shown as “<5” is not shown.'] : []),
      ]}
    />
  );
}
