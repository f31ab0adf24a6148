import { BarRows } from '../../charts/BarRows';
import { ChartPanel } from '../../charts/ChartPanel';
import { DataTable } from '../../components/DataTable';
import { formatDate, formatDecimal } from '../../lib/format';
import type { ImpactWindow, LearningItemDetail } from './learning.graphql';
import { impactFinding, impactWindowText } from './learning-text';

/**
 * "Has it worked?": how often escalations on the item's theme (its escalations' areas of
 * disagreement with their receiving agencies) were raised in equal windows before and
 * after it was completed, as bars and as a table.
 */
export function LearningImpactPanel({ item }: { readonly item: LearningItemDetail }) {
  const impact = item.hasItWorked;
  if (!impact) {
    return (
      <section className="chart-panel" aria-labelledby="learning-impact-title">
        <h2 className="heading-m chart-panel__title" id="learning-impact-title">
          Has it worked?
        </h2>
        <p>
          Once the item is completed, this compares how often escalations on its theme were raised before and after the date it was
          completed.
        </p>
      </section>
    );
  }
  const rate = (window: ImpactWindow) => (window.perMonth === null ? 'Not shown' : formatDecimal(window.perMonth));
  const sides = [
    { key: 'before', label: `Before: ${impactWindowText(impact.before)}`, window: impact.before },
    { key: 'after', label: `After: ${impactWindowText(impact.after)}`, window: impact.after },
  ];
  const suppressed = impact.before.escalations.suppressed || impact.after.escalations.suppressed;
  const theme = [item.theme.categories.map((category) => category.label).join('; '), item.theme.receivingAgencies.map((agency) => agency.name).join(', ')];
  return (
    <ChartPanel
      title={impactFinding(impact)}
      question={`Did the learning change practice? Escalations per month on the theme in the ${impact.windowDays} days before and after completion on ${formatDate(impact.completedOn)}.`}
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
            <div className="inset learning-caveat">
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
        `The theme: ${theme[0]}, received by ${theme[1]}. Out-of-scope escalations are left out.`,
        'Both windows are as long as the time since completion, up to 182 days: the after window starts on the completion date and the before window ends the day before it.',
        `A month is 365.25 ÷ 12 days. With fewer than ${impact.fewestEscalations} escalations in a window, a change cannot be told from chance.`,
        ...(suppressed ? ['A rate built on a count shown as “<5” is not shown.'] : []),
      ]}
    />
  );
}
