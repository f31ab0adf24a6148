import { formatDays } from '../../lib/format';
import { OUTCOME_LABELS } from './escalation-labels';
import type { TimelineOutcome } from './escalations.graphql';
import { measureUnit } from './timeline';

/** A rule's outcome as a word, a tag, and how late when it was missed: "Missed, 2.5 working days late". */
export function OutcomeTag({ outcome }: { readonly outcome: Pick<TimelineOutcome, 'status' | 'lateness' | 'limitUnit'> }) {
  const late = outcome.lateness !== null && (outcome.status === 'BREACHED' || outcome.status === 'OVERDUE');
  return (
    <span className={`tag tag--outcome tag--${outcome.status.toLowerCase().replace(/_/g, '-')}`}>
      {OUTCOME_LABELS[outcome.status]}
      {late && `, ${formatDays(outcome.lateness!, measureUnit(outcome.limitUnit))} late`}
    </span>
  );
}
