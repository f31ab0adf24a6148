import { useId } from 'react';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { TimeSeriesLines } from '../../charts/TimeSeriesLines';
import { DataTable } from '../../components/DataTable';
import { formatPercent } from '../../lib/format';
import { complianceFinding, complianceSeries, COMPLIANCE_TARGET, stageComplianceSeries, type ComplianceLines } from './timeliness-findings';
import type { BreachData } from './timeliness.graphql';

interface ComplianceOverTimeProps {
  readonly state: PanelState;
  readonly data: BreachData['breachStatistics'] | undefined;
  /** Whether the lines beside all timescales are per rule or per stage. */
  readonly lines: ComplianceLines;
  readonly onLines: (lines: ComplianceLines) => void;
}

/** Compliance month by month, per rule or per stage, against the target line. */
export function ComplianceOverTime({ state, data, lines, onLines }: ComplianceOverTimeProps) {
  const byStage = lines === 'stage';
  const { periods, series, left } = byStage
    ? stageComplianceSeries(data?.byStage ?? [], data?.byStageAndMonth ?? [], data?.byMonth ?? [])
    : complianceSeries(data?.byRule ?? [], data?.byRuleAndMonth ?? [], data?.byMonth ?? []);
  const finding = data && state.status === 'ready' ? complianceFinding(data.overall, data.byRule) : null;
  const cells = byStage ? (data?.byStageAndMonth ?? []) : (data?.byRuleAndMonth ?? []);
  const suppressedAny = cells.some((group) => group.counted.suppressed);
  const what = byStage ? 'stage' : 'rule';
  const controlId = useId();
  return (
    <ChartPanel
      title={finding ?? 'Compliance with each timescale, month by month'}
      question="Are timescales met, and is that getting better?"
      state={state}
      summary={
        series.length > 0
          ? `Share of timescales met each month, by ${what}. ${series
              .map((item) => {
                const shown = item.values.filter((value): value is number => value !== null);
                return shown.length > 0 ? `${item.label}: from ${formatPercent(shown[0]!)} to ${formatPercent(shown[shown.length - 1]!)}` : `${item.label}: not shown`;
              })
              .join('. ')}. The target is ${formatPercent(COMPLIANCE_TARGET)}.`
          : undefined
      }
      suppressed={suppressedAny}
      controls={
        <div className="chart-control">
          <span className="chart-control__label" id={controlId}>
            A line for each
          </span>
          <div className="view-toggle" role="group" aria-labelledby={controlId}>
            <button type="button" className="view-toggle__button" aria-pressed={!byStage} onClick={() => onLines('rule')}>
              Rule
            </button>
            <button type="button" className="view-toggle__button" aria-pressed={byStage} onClick={() => onLines('stage')}>
              Stage
            </button>
          </div>
        </div>
      }
      chart={<TimeSeriesLines periods={periods} series={series} format={formatPercent} target={{ value: COMPLIANCE_TARGET, label: `Target ${formatPercent(COMPLIANCE_TARGET)}` }} />}
      table={
        <DataTable
          caption={`Share of timescales met, by month of raising and ${what}`}
          rowKey={(_row, index) => String(index)}
          rows={periods.map((period, index) => ({ period, index }))}
          columns={[
            { key: 'month', header: 'Month raised', rowHeader: true, cell: (row) => row.period },
            ...series.map((item) => ({ key: item.key, header: `${item.label} (% met)`, numeric: true, cell: (row: { index: number }) => percentOrDash(item.values[row.index] ?? null) })),
          ]}
        />
      }
      footnotes={[
        'Compliance is timescales met ÷ (met + missed + overdue); timescales still running are left out. Months are by when the escalation was raised.',
        `The dashed line is a working target of ${formatPercent(COMPLIANCE_TARGET)}; partnerships have not recorded targets of their own.`,
        ...(left > 0
          ? [`${left === 1 ? `One ${what}` : `${left} ${what}s`} with fewer timescales ${left === 1 ? 'is' : 'are'} left off the chart, to keep it readable; every ${what} is in the table below.`]
          : []),
        'A gap in a line: no timescale counted that month, or too few to show.',
      ]}
    />
  );
}

function percentOrDash(value: number | null): string {
  return value === null ? '–' : formatPercent(value);
}
