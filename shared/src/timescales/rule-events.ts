import type { RuleEvent } from '../domain/protocol.js';
import type { EscalationEvents } from '../domain/timescale.js';

/**
 * When `event` first happened in `events`, counting only occurrences at or after
 * `notBefore` when given; null when it has not happened (in that window).
 *
 * - `raised`: the escalation's raisedAt.
 * - `stage_entered`: the earliest entry into that stage.
 * - `stage_exited`: the earliest recorded exit from that stage (any exit reason).
 * - `milestone`: the earliest milestone of that kind, only within `stageCode` when given.
 * - `resolved`: closedAt, when the escalation's status is `resolved`.
 */
export function firstOccurrence(event: RuleEvent, events: EscalationEvents, notBefore?: Date): Date | null {
  return earliest(occurrences(event, events), notBefore);
}

function occurrences(event: RuleEvent, events: EscalationEvents): readonly Date[] {
  switch (event.kind) {
    case 'raised':
      return [events.raisedAt];
    case 'stage_entered':
      return events.stages.filter((s) => s.stageCode === event.stageCode).map((s) => s.enteredAt);
    case 'stage_exited':
      return events.stages.flatMap((s) => (s.stageCode === event.stageCode && s.exitedAt ? [s.exitedAt] : []));
    case 'milestone':
      return events.milestones
        .filter((m) => m.kind === event.milestone && (event.stageCode === undefined || m.stageCode === event.stageCode))
        .map((m) => m.occurredAt);
    case 'resolved':
      return events.status === 'resolved' && events.closedAt ? [events.closedAt] : [];
  }
}

function earliest(dates: readonly Date[], notBefore?: Date): Date | null {
  let first: Date | null = null;
  for (const date of dates) {
    if (notBefore && date.getTime() < notBefore.getTime()) continue;
    if (!first || date.getTime() < first.getTime()) first = date;
  }
  return first;
}
