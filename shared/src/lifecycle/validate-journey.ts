import type { StageDefinition } from '../domain/protocol.js';
import type { EscalationStatus, StageExitReason, Urgency } from '../domain/vocabulary.js';
import { FUTURE_TOLERANCE_MS, orderedLadder, type LifecycleViolation } from './escalation-transitions.js';

/** A whole journey as recorded, for checking corrections and imported rows in one go. */
export interface JourneyToCheck {
  readonly urgency: Urgency;
  readonly status: EscalationStatus;
  readonly raisedAt: Date;
  readonly closedAt: Date | null;
  readonly entries: readonly {
    readonly stageCode: string;
    readonly enteredAt: Date;
    readonly exitedAt: Date | null;
    readonly exitReason: StageExitReason | null;
  }[];
}

/**
 * Every way a recorded journey can contradict its protocol: unknown or repeated stages,
 * stages out of ladder order, a skip the urgency does not allow, times running
 * backwards or in the future, and a status that does not match the last stage.
 * Returns all violations (empty when the journey is sound), each naming its field.
 */
export function validateJourney(
  stages: readonly StageDefinition[],
  skipAllowedFor: readonly Urgency[],
  journey: JourneyToCheck,
  now: Date,
): LifecycleViolation[] {
  const ladder = orderedLadder(stages);
  const problems: LifecycleViolation[] = [];
  const add = (code: LifecycleViolation['code'], field: string, message: string) => problems.push({ code, field, message });
  const latestAllowed = now.getTime() + FUTURE_TOLERANCE_MS;

  if (journey.raisedAt.getTime() > latestAllowed) add('TIME_IN_FUTURE', 'raisedAt', 'The escalation is raised in the future.');
  if (journey.entries.length === 0) add('UNKNOWN_STAGE', 'entries', 'The journey has no stage.');

  let previousIndex = -1;
  let previousTime = journey.raisedAt;
  journey.entries.forEach((entry, i) => {
    const field = `entries[${i}]`;
    const index = ladder.findIndex((s) => s.code === entry.stageCode);
    if (index < 0) {
      add('UNKNOWN_STAGE', `${field}.stageCode`, `Stage "${entry.stageCode}" is not a stage of this protocol.`);
      return;
    }
    if (index <= previousIndex) {
      add('STAGE_NOT_AHEAD', `${field}.stageCode`, `Stage "${entry.stageCode}" comes after stage "${ladder[previousIndex]!.code}" but is not above it on the ladder.`);
    } else if (index > previousIndex + 1 && !skipAllowedFor.includes(journey.urgency)) {
      const missing = ladder.slice(previousIndex + 1, index).map((s) => s.code).join(', ');
      add('SKIP_NOT_ALLOWED', `${field}.stageCode`, `Stage "${entry.stageCode}" skips ${missing}, which a ${journey.urgency} escalation may not.`);
    }
    previousIndex = Math.max(previousIndex, index);
    if (entry.enteredAt < previousTime) add('TIME_BEFORE_PREVIOUS_EVENT', `${field}.enteredAt`, `Stage "${entry.stageCode}" is entered before the previous event.`);
    if (entry.enteredAt.getTime() > latestAllowed) add('TIME_IN_FUTURE', `${field}.enteredAt`, `Stage "${entry.stageCode}" is entered in the future.`);
    previousTime = entry.enteredAt;
    const isLast = i === journey.entries.length - 1;
    if (!isLast && entry.exitedAt === null) add('STAGE_NOT_AHEAD', `${field}.exitedAt`, `Stage "${entry.stageCode}" has no exit although a later stage follows.`);
    if (entry.exitedAt !== null) {
      if (entry.exitedAt < entry.enteredAt) add('TIME_BEFORE_PREVIOUS_EVENT', `${field}.exitedAt`, `Stage "${entry.stageCode}" is left before it is entered.`);
      if (entry.exitedAt.getTime() > latestAllowed) add('TIME_IN_FUTURE', `${field}.exitedAt`, `Stage "${entry.stageCode}" is left in the future.`);
      previousTime = entry.exitedAt;
    }
  });

  const last = journey.entries[journey.entries.length - 1];
  if (journey.status === 'open') {
    if (journey.closedAt !== null) add('ESCALATION_CLOSED', 'closedAt', 'An open escalation has no closing time.');
    if (last && last.exitedAt !== null) add('ESCALATION_CLOSED', 'status', 'An open escalation must still be in its last stage.');
  } else {
    if (journey.closedAt === null) add('ESCALATION_CLOSED', 'closedAt', `A ${journey.status.replace('_', ' ')} escalation needs a closing time.`);
    else if (journey.closedAt < previousTime) add('TIME_BEFORE_PREVIOUS_EVENT', 'closedAt', 'The escalation is closed before its last recorded stage event.');
    else if (journey.closedAt.getTime() > latestAllowed) add('TIME_IN_FUTURE', 'closedAt', 'The escalation is closed in the future.');
  }
  return problems;
}
