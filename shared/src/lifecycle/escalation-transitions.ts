import type { StageDefinition } from '../domain/protocol.js';
import type { EscalationStatus, Urgency } from '../domain/vocabulary.js';

/**
 * The rules an escalation's journey must keep, as pure functions over plain data, so
 * that the API, the importer and the tests all judge a move the same way.
 */

export const LIFECYCLE_ERROR_CODES = [
  'UNKNOWN_STAGE',
  'STAGE_NOT_AHEAD',
  'SKIP_NOT_ALLOWED',
  'TIME_BEFORE_PREVIOUS_EVENT',
  'TIME_IN_FUTURE',
  'ESCALATION_CLOSED',
  'STAGE_NOT_REACHED',
] as const;
export type LifecycleErrorCode = (typeof LIFECYCLE_ERROR_CODES)[number];

export interface LifecycleViolation {
  readonly code: LifecycleErrorCode;
  /** The input field at fault, as the API names it. */
  readonly field: string;
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly violation: LifecycleViolation };

/** How far ahead of the server's clock a recorded time may be (clock drift between machines). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export interface LadderPosition {
  readonly stageCode: string;
  readonly enteredAt: Date;
}

export interface EscalationState {
  readonly status: EscalationStatus;
  readonly urgency: Urgency;
  readonly raisedAt: Date;
  readonly current: LadderPosition;
  /** Latest instant already recorded on the escalation (entries, exits, milestones). */
  readonly latestEventAt: Date;
}

export interface StageMove {
  readonly stage: StageDefinition;
  /** Codes of the stages passed over on the way, in ladder order; empty for the next stage. */
  readonly skipped: readonly string[];
}

const fail = (code: LifecycleErrorCode, field: string, message: string): { ok: false; violation: LifecycleViolation } => ({
  ok: false,
  violation: { code, field, message },
});

const formatInstant = (d: Date): string => d.toISOString().replace('.000Z', 'Z');

export function orderedLadder(stages: readonly StageDefinition[]): StageDefinition[] {
  return [...stages].sort((a, b) => a.order - b.order);
}

/** A time may not lie in the future (beyond a small tolerance). */
export function checkNotInFuture(at: Date, now: Date, field: string): LifecycleViolation | null {
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    return { code: 'TIME_IN_FUTURE', field, message: `${field} ${formatInstant(at)} is in the future (now is ${formatInstant(now)}).` };
  }
  return null;
}

/**
 * Where a new escalation starts: the first stage, or, for an urgency the protocol lets
 * skip (immediate risk), a higher one with the passed-over stages recorded.
 */
export function planFirstStage(
  stages: readonly StageDefinition[],
  urgency: Urgency,
  skipAllowedFor: readonly Urgency[],
  requestedStageCode?: string,
): Checked<StageMove> {
  const ladder = orderedLadder(stages);
  const first = ladder[0];
  if (!first) return fail('UNKNOWN_STAGE', 'startStageCode', 'The protocol has no stages.');
  if (requestedStageCode === undefined || requestedStageCode === first.code) return { ok: true, value: { stage: first, skipped: [] } };
  const index = ladder.findIndex((s) => s.code === requestedStageCode);
  if (index < 0) return fail('UNKNOWN_STAGE', 'startStageCode', `Stage "${requestedStageCode}" is not a stage of this protocol.`);
  if (!skipAllowedFor.includes(urgency)) {
    return fail('SKIP_NOT_ALLOWED', 'startStageCode', `An escalation of ${urgency} urgency must start at stage "${first.code}"; only ${describeUrgencies(skipAllowedFor)} may start higher.`);
  }
  return { ok: true, value: { stage: ladder[index]!, skipped: ladder.slice(0, index).map((s) => s.code) } };
}

/** Moving an open escalation up the ladder to `targetCode` at `at`. */
export function planStageMove(
  stages: readonly StageDefinition[],
  state: EscalationState,
  targetCode: string,
  skipAllowedFor: readonly Urgency[],
  at: Date,
  now: Date,
): Checked<StageMove> {
  if (state.status !== 'open') return fail('ESCALATION_CLOSED', 'escalationId', `The escalation is ${state.status.replace('_', ' ')} and takes no new stage.`);
  const ladder = orderedLadder(stages);
  const from = ladder.findIndex((s) => s.code === state.current.stageCode);
  const to = ladder.findIndex((s) => s.code === targetCode);
  if (to < 0) return fail('UNKNOWN_STAGE', 'stageCode', `Stage "${targetCode}" is not a stage of this escalation's protocol.`);
  if (to <= from) {
    return fail('STAGE_NOT_AHEAD', 'stageCode', `Stage "${targetCode}" is not above the current stage "${state.current.stageCode}".`);
  }
  if (to > from + 1 && !skipAllowedFor.includes(state.urgency)) {
    return fail('SKIP_NOT_ALLOWED', 'stageCode', `The next stage is "${ladder[from + 1]!.code}"; only ${describeUrgencies(skipAllowedFor)} may skip a stage.`);
  }
  const timing = checkEventTime(state, at, now, 'enteredAt');
  if (timing) return { ok: false, violation: timing };
  return { ok: true, value: { stage: ladder[to]!, skipped: ladder.slice(from + 1, to).map((s) => s.code) } };
}

/** Closing an open escalation (resolve, withdraw, out of scope) at `at`. */
export function checkClose(state: EscalationState, at: Date, now: Date): LifecycleViolation | null {
  if (state.status !== 'open') return { code: 'ESCALATION_CLOSED', field: 'escalationId', message: `The escalation is already ${state.status.replace('_', ' ')}.` };
  return checkEventTime(state, at, now, 'closedAt');
}

/**
 * A milestone may be recorded after closing (feedback often follows resolution) but
 * never before the escalation was raised, never in the future, and only in a stage the
 * escalation has reached.
 */
export function checkMilestone(
  reachedStageCodes: readonly string[],
  raisedAt: Date,
  stageCode: string | null,
  at: Date,
  now: Date,
): LifecycleViolation | null {
  if (stageCode !== null && !reachedStageCodes.includes(stageCode)) {
    return { code: 'STAGE_NOT_REACHED', field: 'stageCode', message: `The escalation has not reached stage "${stageCode}".` };
  }
  if (at < raisedAt) {
    return { code: 'TIME_BEFORE_PREVIOUS_EVENT', field: 'occurredAt', message: `occurredAt ${formatInstant(at)} is before the escalation was raised (${formatInstant(raisedAt)}).` };
  }
  return checkNotInFuture(at, now, 'occurredAt');
}

function checkEventTime(state: EscalationState, at: Date, now: Date, field: string): LifecycleViolation | null {
  if (at < state.latestEventAt) {
    return {
      code: 'TIME_BEFORE_PREVIOUS_EVENT',
      field,
      message: `${field} ${formatInstant(at)} is before the escalation's latest recorded event (${formatInstant(state.latestEventAt)}); times cannot run backwards.`,
    };
  }
  return checkNotInFuture(at, now, field);
}

function describeUrgencies(urgencies: readonly Urgency[]): string {
  return urgencies.length === 0 ? 'no escalation' : `${urgencies.join(' or ')} escalations`;
}
