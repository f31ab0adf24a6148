import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { KaplanMeierChart } from '../../charts/KaplanMeierChart';
import { DataTable } from '../../components/DataTable';
import { formatDecimal, formatPercent } from '../../lib/format';
import { censorTicks, curveSteps, medianFinding, medianInterval, survivalAt } from './timeliness-findings';
import type { ResolutionTimeData } from './timeliness.graphql';

const LANDMARKS = [1, 7, 14, 28, 56, 91];

/** Time to resolution as a Kaplan–Meier curve, open escalations counted as censored rather than ignored. */
export function TimeToResolutionPanel({ state, data }: { readonly state: PanelState; readonly data: ResolutionTimeData['timeToResolution'] | undefined }) {
  const overall = data?.overall;
  const steps = overall?.steps ?? [];
  const finding = overall ? medianFinding(overall) : null;
  const ticks = censorTicks(steps);
  const countsHidden = steps.some((step) => step.censored === null);
  return (
    <ChartPanel
      title={finding ?? 'Time to resolution'}
      question="How long do disagreements take to resolve, counting those still open?"
      state={state}
      summary={
        overall
          ? `Of ${overall.escalations.display} escalations, ${overall.resolved.display} were resolved and ${overall.censored.display} were still open or withdrawn. ` +
            LANDMARKS.map((day) => `after ${day} days, ${formatPercent(survivalAt(steps, day))} were still unresolved`).join('; ') +
            '.'
          : undefined
      }
      suppressed={overall?.escalations.suppressed || overall?.censored.suppressed}
      chart={<KaplanMeierChart steps={curveSteps(steps)} censored={ticks} median={overall?.medianDays ?? null} />}
      table={
        <>
          <DataTable
            caption="Share still unresolved after a number of days"
            rowKey={(day) => String(day)}
            rows={LANDMARKS}
            columns={[
              { key: 'day', header: 'Days since raised', rowHeader: true, cell: (day) => String(day) },
              { key: 'share', header: 'Still unresolved (%)', numeric: true, cell: (day) => formatPercent(survivalAt(steps, day)) },
            ]}
          />
          <DataTable
            caption="Median days to resolution, by highest tier reached"
            rowKey={(curve) => String(curve.tier)}
            rows={data?.byTier ?? []}
            columns={[
              { key: 'tier', header: 'Highest tier reached', rowHeader: true, cell: (curve) => `Tier ${curve.tier}` },
              { key: 'n', header: 'Escalations (count)', numeric: true, cell: (curve) => curve.escalations.display },
              { key: 'median', header: 'Median (days)', numeric: true, cell: (curve) => (curve.medianDays === null ? 'not reached' : formatDecimal(curve.medianDays)) },
              {
                key: 'interval',
                header: '95% interval (days)',
                numeric: true,
                cell: (curve) => {
                  const { low, high } = medianInterval(curve);
                  return low === null ? '–' : `${formatDecimal(low)} to ${high === null ? 'not reached' : formatDecimal(high)}`;
                },
              },
            ]}
          />
        </>
      }
      footnotes={[
        'The line is the share of escalations still unresolved after each number of days since they were raised (Kaplan–Meier). Escalations still open, or withdrawn, count until they left: the small upright ticks.',
        'The dashed lines mark the median: the first day on which half or fewer were still unresolved.',
        ...(countsHidden ? ['Where escalations left the count is not marked, because it would reveal small numbers.'] : []),
        ...(overall?.thinned ? ['The curve is drawn from a selection of its steps; each drawn step is exact.'] : []),
      ]}
    />
  );
}
