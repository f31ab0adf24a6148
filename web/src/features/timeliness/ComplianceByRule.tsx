import { BarRows } from '../../charts/BarRows';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { DataTable } from '../../components/DataTable';
import { formatDays, formatPercent } from '../../lib/format';
import { anyApiSuppressed } from '../../lib/suppression';
import { stageLabel } from '../protocols/format';
import { busiestRules, REPORT_UNIT_LABELS } from './timeliness-findings';
import type { BreachGroup } from './timeliness.graphql';

function lateness(group: BreachGroup): string {
  const duration = group.durations.find((item) => item.lateness.median !== null);
  if (!duration) return '–';
  const unit = REPORT_UNIT_LABELS[duration.unit];
  return `${formatDays(duration.lateness.median!, unit)} (90% within ${formatDays(duration.lateness.p90 ?? duration.lateness.median!, unit)})`;
}

/** Compliance per rule and per stage, with how late the late ones were. */
export function ComplianceByRule({ state, byRule, byStage }: { readonly state: PanelState; readonly byRule: readonly BreachGroup[]; readonly byStage: readonly BreachGroup[] }) {
  const rules = busiestRules(byRule);
  const worst = rules.filter((group) => group.compliance !== null && (group.counted.value ?? 0) >= 10).sort((a, b) => a.compliance! - b.compliance!)[0];
  return (
    <ChartPanel
      title={worst ? `“${worst.ruleName}” was met least often: ${formatPercent(worst.compliance!)}` : 'Compliance with each timescale'}
      question="Which timescales are missed, at which stage, and by how much?"
      state={state}
      summary={rules.map((group) => `${group.ruleName}: ${group.compliance === null ? 'compliance not shown' : `${formatPercent(group.compliance)} met`} of ${group.counted.display}`).join('. ')}
      suppressed={anyApiSuppressed(rules.flatMap((group) => [group.met, group.breached, group.overdue, group.counted]))}
      chart={
        <BarRows
          max={1}
          rows={rules.map((group) => ({
            key: group.ruleCode!,
            label: `${group.ruleName} (${stageLabel(group.stageCode ?? '')})`,
            value: group.compliance,
            text: group.compliance === null ? 'not shown' : `${formatPercent(group.compliance)} of ${group.counted.display}`,
          }))}
        />
      }
      tableBeneath
      table={
        <>
          <DataTable
            caption="Outcomes by rule"
            rowKey={(group) => group.ruleCode ?? ''}
            rows={rules}
            columns={[
              { key: 'rule', header: 'Rule', rowHeader: true, cell: (group) => group.ruleName },
              { key: 'stage', header: 'Stage', cell: (group) => stageLabel(group.stageCode ?? '') },
              { key: 'met', header: 'Met (count)', numeric: true, cell: (group) => group.met.display },
              { key: 'missed', header: 'Missed (count)', numeric: true, cell: (group) => group.breached.display },
              { key: 'overdue', header: 'Overdue (count)', numeric: true, cell: (group) => group.overdue.display },
              { key: 'running', header: 'Running (count)', numeric: true, cell: (group) => group.pending.display },
              { key: 'compliance', header: 'Met (%)', numeric: true, cell: (group) => (group.compliance === null ? 'not shown' : formatPercent(group.compliance)) },
              { key: 'late', header: 'Median lateness of late ones', cell: lateness },
            ]}
          />
          <DataTable
            caption="Outcomes by stage"
            rowKey={(group) => group.stageCode ?? ''}
            rows={byStage}
            columns={[
              { key: 'stage', header: 'Stage', rowHeader: true, cell: (group) => (group.stageName ? `${stageLabel(group.stageCode ?? '')}: ${group.stageName}` : stageLabel(group.stageCode ?? '')) },
              { key: 'counted', header: 'Timescales (count)', numeric: true, cell: (group) => group.counted.display },
              { key: 'compliance', header: 'Met (%)', numeric: true, cell: (group) => (group.compliance === null ? 'not shown' : formatPercent(group.compliance)) },
              { key: 'late', header: 'Median lateness of late ones', cell: lateness },
            ]}
          />
        </>
      }
      footnotes={['Lateness is in each rule’s own unit: hours, or working days (Monday to Friday less bank holidays).']}
    />
  );
}
