import { useId } from 'react';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { StackedHistogram } from '../../charts/StackedHistogram';
import { DataTable } from '../../components/DataTable';
import { anyApiSuppressed } from '../../lib/suppression';
import { stageLabel } from '../protocols/format';
import { bucketInWords, bucketTotalText, chosenRule, latenessAxisLabel, latenessFinding, ruleKey, rulesWithLate } from './lateness-findings';
import type { RuleLateness } from './timeliness.graphql';

interface LatenessHistogramProps {
  readonly state: PanelState;
  readonly rules: readonly RuleLateness[];
  /** The rule asked for in the URL (its key or code); the one with the most late outcomes otherwise. */
  readonly asked: string | null;
  readonly onRule: (key: string) => void;
}

const PARTS = [
  { key: 'missed', label: 'Missed (final lateness)' },
  { key: 'overdue', label: 'Overdue (late so far)' },
] as const;

/** How late the late timescales of one rule were: a histogram in the rule's unit, missed and overdue stacked. */
export function LatenessHistogram({ state, rules, asked, onRule }: LatenessHistogramProps) {
  const selectId = useId();
  const choices = rulesWithLate(rules);
  const rule = chosenRule(rules, asked);
  const ready = state.status === 'ready';
  const panelState: PanelState = ready && !rule ? { status: 'empty', message: 'No timescale was missed or is overdue for the escalations that match these filters.' } : state;
  const finding = rule ? latenessFinding(rule) : null;
  const axis = rule ? latenessAxisLabel(rule.unit) : '';
  return (
    <ChartPanel
      title={finding ?? 'How late the late timescales were'}
      question="When a timescale is missed, is it missed by a little or by a lot?"
      state={panelState}
      controls={
        choices.length > 1 && rule ? (
          <p className="chart-control">
            <label htmlFor={selectId}>Timescale </label>
            <select id={selectId} className="select" value={ruleKey(rule)} onChange={(event) => onRule(event.target.value)}>
              {choices.map((choice) => (
                <option key={ruleKey(choice)} value={ruleKey(choice)}>
                  {choice.ruleName} ({stageLabel(choice.stageCode)})
                </option>
              ))}
            </select>
          </p>
        ) : undefined
      }
      summary={
        rule
          ? `“${rule.ruleName}”, late timescales by how late: ${rule.buckets
              .map((bucket) => `${bucketInWords(bucket, rule.unit)}: ${bucket.breached.display} missed, ${bucket.overdue.display} overdue`)
              .join('; ')}.`
          : undefined
      }
      suppressed={rule ? anyApiSuppressed([rule.breached, rule.overdue, ...rule.buckets.flatMap((bucket) => [bucket.breached, bucket.overdue])]) : false}
      chart={
        rule ? (
          <StackedHistogram
            parts={PARTS}
            bins={rule.buckets.map((bucket) => ({ label: bucket.label, values: [bucket.breached.value, bucket.overdue.value], total: bucketTotalText(bucket) }))}
            xLabel={axis}
            yLabel="Timescales"
          />
        ) : undefined
      }
      table={
        rule ? (
          <DataTable
            caption={`Late “${rule.ruleName}” timescales (${stageLabel(rule.stageCode)}) by how late`}
            rowKey={(bucket) => bucket.label}
            rows={rule.buckets}
            columns={[
              { key: 'late', header: axis, rowHeader: true, cell: (bucket) => bucketInWords(bucket, rule.unit) },
              { key: 'missed', header: 'Missed (count)', numeric: true, cell: (bucket) => bucket.breached.display },
              { key: 'overdue', header: 'Overdue so far (count)', numeric: true, cell: (bucket) => bucket.overdue.display },
            ]}
          />
        ) : undefined
      }
      footnotes={[
        'Lateness is counted from the deadline and rounded up to a whole unit: “2” means more than 1 and up to 2 after the deadline; “≤1” includes lateness outside working time only. Missed timescales are counted by how late their target was reached (or the escalation closed); overdue ones by how late they are so far.',
        'Each timescale in its own unit: working days (Monday to Friday less bank holidays), days or hours. Bars start at zero.',
      ]}
    />
  );
}
