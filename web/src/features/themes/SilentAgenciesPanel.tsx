import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { DataTable } from '../../components/DataTable';
import { anyApiSuppressed, type ApiCount } from '../../lib/suppression';
import { periodLabel, silenceSpan, silentAgencies, silentFinding } from './silent-agencies';
import type { AgencyActivity, SilentAgenciesData } from './silent-agencies.graphql';

interface SilentAgenciesPanelProps {
  readonly state: PanelState;
  readonly data: SilentAgenciesData['silentAgencies'] | undefined;
  /** Whether the filter picks raising agencies: every other agency would then look silent. */
  readonly raisingFiltered: boolean;
}

/**
 * The agency's escalations per period as small columns from zero, oldest first, on the
 * table's one scale; a hidden "<5" is drawn as a short grey stub (it is at least one).
 */
function PeriodBars({ counts, labels, max }: { readonly counts: readonly ApiCount[]; readonly labels: readonly string[]; readonly max: number }) {
  const oldestFirst = counts.map((count, index) => ({ count, label: labels[index] ?? '' })).reverse();
  const [width, height, gap] = [10, 28, 4];
  return (
    <svg className="period-bars" width={oldestFirst.length * (width + gap)} height={height + 1} role="img"
      aria-label={`Oldest first: ${oldestFirst.map((item) => `${item.label} ${item.count.display}`).join(', ')}`}>
      {oldestFirst.map((item, index) => {
        const h = item.count.value === null ? 3 : max === 0 ? 0 : (item.count.value / max) * height;
        return <rect key={index} x={index * (width + gap)} y={height - h} width={width} height={h} fill={item.count.value === null ? '#b1b4b6' : '#12436D'} />;
      })}
      <line x1={0} x2={oldestFirst.length * (width + gap) - gap} y1={height + 0.5} y2={height + 0.5} stroke="#484949" />
    </svg>
  );
}

/** "Which agencies never escalate?": active agencies that raised no escalation in the period, with what they raised before. */
export function SilentAgenciesPanel({ state, data, raisingFiltered }: SilentAgenciesPanelProps) {
  const periods = data?.periods ?? [];
  const agencies = data?.agencies ?? [];
  const silent = silentAgencies(agencies);
  const max = Math.max(0, ...silent.flatMap((agency) => agency.raised.map((count) => count.value ?? 0)));
  const ready = state.status === 'ready';
  const panelState: PanelState = !ready
    ? state
    : raisingFiltered
      ? { status: 'empty', message: 'Not shown while the filter picks raising agencies: every other agency would look silent. Clear the raising agency filter to see which agencies raised none.' }
      : silent.length === 0
        ? { status: 'empty', message: 'Every active agency raised at least one escalation in the period.' }
        : state;
  return (
    <ChartPanel
      title={ready && !raisingFiltered ? silentFinding(silent, agencies) : 'Agencies that raised no escalations'}
      question="Which agencies never escalate?"
      state={panelState}
      tableBeneath
      table={
        <>
          <p className="chart-panel__lead">
            An agency that raises no escalations is itself a finding. It may have had no disagreements worth raising, or its staff
            may not know the protocol, feel unable to challenge, or settle things in ways nobody records. Worth asking which, when it
            has raised them before or when its partners raise many with it.
          </p>
          <DataTable
            caption="Escalations raised by each silent agency, in this period and the ones before"
            rowKey={(agency: AgencyActivity) => agency.agencyId}
            rows={silent}
            columns={[
              { key: 'agency', header: 'Agency', rowHeader: true, cell: (agency) => agency.name },
              ...periods.map((period, index) => ({
                key: `${period.from}-${index}`,
                header: `${index === 0 ? 'This period' : periodLabel(period)} (count)`,
                numeric: true,
                cell: (agency: AgencyActivity) => agency.raised[index]?.display ?? '–',
              })),
              {
                key: 'bars',
                header: 'Over the periods, oldest first',
                cell: (agency) => <PeriodBars counts={agency.raised} labels={periods.map((period, index) => (index === 0 ? 'this period' : periodLabel(period)))} max={max} />,
              },
              { key: 'span', header: 'Before this period', cell: (agency) => silenceSpan(agency, periods) },
            ]}
          />
        </>
      }
      suppressed={anyApiSuppressed(silent.flatMap((agency) => agency.raised))}
      footnotes={[
        `This period is ${periods[0] ? periodLabel(periods[0]) : 'the period in the filter'}; the ones before are of equal length. Counts are escalations raised by the agency that match the other filters; the small columns start at zero, on one scale for the table.`,
        'Active agencies of the partnership only. An agency added recently will have raised none in the periods before it joined.',
      ]}
    />
  );
}
