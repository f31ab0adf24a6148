import { Link } from '../../app/router';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { Histogram } from '../../charts/Histogram';
import { DataTable } from '../../components/DataTable';
import { formatDateTime, formatDays } from '../../lib/format';
import { anyApiSuppressed } from '../../lib/suppression';
import { stageLabel } from '../protocols/format';
import { REPORT_UNIT_LABELS } from './timeliness-findings';
import type { DriftData, OverdueTimescale } from './timeliness.graphql';

interface OverdueListProps {
  readonly state: PanelState;
  readonly data: DriftData['drift'] | undefined;
  /** Whether the viewer may open escalations (record-level roles). */
  readonly linkEscalations: boolean;
}

function lateBy(item: OverdueTimescale): string {
  return item.lateness === null ? formatDays(item.overdueDays) : formatDays(item.lateness, REPORT_UNIT_LABELS[item.unit]);
}

/** What is overdue now, oldest deadline first; the open escalations by age beside it. */
export function OverdueList({ state, data, linkEscalations }: OverdueListProps) {
  const list = data?.overdue.list ?? [];
  const overdue = data?.overdue;
  const ready = state.status === 'ready';
  return (
    <>
      <ChartPanel
        title={
          !overdue ? 'Overdue now' : overdue.timescales.value === 0 ? 'Nothing is overdue now'
            : `${overdue.timescales.display} ${overdue.timescales.value === 1 ? 'timescale is' : 'timescales are'} overdue now, across ${overdue.escalations.display} ${overdue.escalations.value === 1 ? 'escalation' : 'escalations'}`
        }
        question="What is overdue today, and for how long?"
        state={ready && overdue?.timescales.value === 0 ? { status: 'empty', message: 'Nothing is overdue now.' } : state}
        suppressed={anyApiSuppressed([overdue?.timescales, overdue?.escalations])}
        tableBeneath
        table={
          list.length > 0 ? (
            <DataTable
              caption="Overdue timescales, oldest deadline first"
              rowKey={(item) => `${item.escalationId}-${item.ruleCode}`}
              rows={list}
              columns={[
                {
                  key: 'ref',
                  header: 'Escalation',
                  rowHeader: true,
                  cell: (item) => (linkEscalations ? <Link to={`/escalations/${encodeURIComponent(item.escalationId)}`}>{item.reference}</Link> : item.reference),
                },
                { key: 'rule', header: 'Timescale', cell: (item) => item.ruleName },
                { key: 'stage', header: 'Stage', cell: (item) => stageLabel(item.stageCode) },
                { key: 'deadline', header: 'Deadline', cell: (item) => formatDateTime(item.deadline) },
                { key: 'late', header: 'Overdue by', numeric: true, cell: lateBy },
              ]}
            />
          ) : (
            <p>The list of overdue escalations is shown to the business unit and the independent scrutineer.</p>
          )
        }
        footnotes={list.length > 0 && overdue && (overdue.timescales.value ?? 0) > list.length ? [`The oldest ${list.length} are listed.`] : []}
      />
      <ChartPanel
        title={!data ? 'Open escalations by age' : data.open.value === 0 ? 'Every escalation raised in the period has been closed' : `${data.open.display} ${data.open.value === 1 ? 'escalation' : 'escalations'} raised in the period ${data.open.value === 1 ? 'is' : 'are'} still open`}
        question="How long have open disagreements been waiting?"
        state={ready && data?.open.value === 0 ? { status: 'empty', message: 'No escalation raised in the period is still open.' } : state}
        summary={data ? data.byAge.map((bucket) => `${bucket.label}: ${bucket.escalations.display}`).join('; ') : undefined}
        suppressed={anyApiSuppressed(data?.byAge.map((bucket) => bucket.escalations) ?? [])}
        chart={<Histogram bins={(data?.byAge ?? []).map((bucket) => ({ label: bucket.label, count: bucket.escalations.value }))} xLabel="Age (calendar days since raised)" yLabel="Open escalations" />}
        table={
          <DataTable
            caption="Open escalations by age"
            rowKey={(bucket) => bucket.label}
            rows={data?.byAge ?? []}
            columns={[
              { key: 'age', header: 'Age (days since raised)', rowHeader: true, cell: (bucket) => bucket.label },
              { key: 'n', header: 'Open escalations (count)', numeric: true, cell: (bucket) => bucket.escalations.display },
            ]}
          />
        }
      />
    </>
  );
}
