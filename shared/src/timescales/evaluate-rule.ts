import type { WorkingCalendar } from '../domain/calendar.js';
import type { TimescaleRuleDefinition } from '../domain/protocol.js';
import type { EscalationEvents, TimescaleOutcome } from '../domain/timescale.js';
import { firstOccurrence } from './rule-events.js';
import { ruleDeadline, timeBetween } from './rule-units.js';
import { TimescaleError, TimescaleErrorCode } from './timescale-errors.js';

export interface RuleEvaluationContext {
  /** Outcomes of the same escalation's other rules, by rule code, for `appliesWhen`. */
  readonly priorOutcomes?: ReadonlyMap<string, TimescaleOutcome>;
}

/**
 * Whether one escalation met one timescale rule, as at `now`. This is the product's
 * definition of a timescale outcome (DESIGN.md §2, §4.2–4.3):
 *
 * 1. Not applicable (every field null) when the rule is limited to other urgencies, or
 *    when it applies only if another rule was not met (`appliesWhen.ruleNotMet`) and
 *    that rule was met, is not applicable, or is still pending. A pending prerequisite
 *    leaves the dependent rule "not yet applicable" rather than pending, so that pending
 *    counts only clocks known to be running; the dependent rule comes into play as soon
 *    as the prerequisite is breached or overdue.
 * 2. The anchor is the FIRST occurrence of the anchor event (see `firstOccurrence`); with
 *    no anchor yet the rule is not applicable (deadline null).
 * 3. The deadline follows the rule's limit (see `ruleDeadline`).
 * 4. The target is the first occurrence of ANY target event at or after the anchor.
 *    At or before the deadline (inclusive) → met; after it → breached, late by
 *    deadline → target.
 * 5. No target and the escalation closed (closedAt set): closed at or before the
 *    deadline → not applicable (the rule stopped applying; anchor and deadline kept);
 *    closed after it → breached with no target, late by deadline → closedAt.
 *    Exception: a rule anchored on the resolution itself (or on an event recorded after
 *    the escalation closed) measures follow-up work that closing does not stop, such as
 *    written confirmation of the outcome; for it, closure is ignored and step 6 applies.
 * 6. No target and still open: now after the deadline → overdue, late by
 *    deadline → now; otherwise pending.
 *
 * `elapsed` runs from the anchor to the target (met, breached), to closedAt (breached
 * without a target) or to now (pending, overdue). `elapsed` and `lateness` are in the
 * rule's unit: hours for `hours`, working days for `working_days` and
 * `same_working_day`, days of 24 hours for `calendar_days`. `lateness` is null unless
 * breached or overdue.
 */
export function evaluateRule(
  rule: TimescaleRuleDefinition,
  events: EscalationEvents,
  calendar: WorkingCalendar,
  now: Date,
  context: RuleEvaluationContext = {},
): TimescaleOutcome {
  const notApplicable: TimescaleOutcome = {
    ruleCode: rule.code,
    status: 'not_applicable',
    anchorAt: null,
    deadline: null,
    targetAt: null,
    elapsed: null,
    lateness: null,
  };
  if (rule.urgencies && !rule.urgencies.includes(events.urgency)) return notApplicable;
  if (rule.appliesWhen && !prerequisiteMissed(rule, context)) return notApplicable;

  const anchorAt = firstOccurrence(rule.anchor, events);
  if (!anchorAt) return notApplicable;
  const deadline = ruleDeadline(rule.limit, anchorAt, calendar);
  const clock = { ...notApplicable, anchorAt, deadline };
  const since = (from: Date, to: Date): number => timeBetween(rule.limit.unit, from, to, calendar);
  const isLate = (at: Date): boolean => at.getTime() > deadline.getTime();

  const targetAt = firstTarget(rule, events, anchorAt);
  if (targetAt) {
    return isLate(targetAt)
      ? { ...clock, status: 'breached', targetAt, elapsed: since(anchorAt, targetAt), lateness: since(deadline, targetAt) }
      : { ...clock, status: 'met', targetAt, elapsed: since(anchorAt, targetAt) };
  }
  const { closedAt } = events;
  const closureStopsClock =
    closedAt !== null && rule.anchor.kind !== 'resolved' && closedAt.getTime() >= anchorAt.getTime();
  if (closureStopsClock) {
    return isLate(closedAt)
      ? { ...clock, status: 'breached', elapsed: since(anchorAt, closedAt), lateness: since(deadline, closedAt) }
      : clock;
  }
  return isLate(now)
    ? { ...clock, status: 'overdue', elapsed: since(anchorAt, now), lateness: since(deadline, now) }
    : { ...clock, status: 'pending', elapsed: since(anchorAt, now) };
}

function firstTarget(rule: TimescaleRuleDefinition, events: EscalationEvents, anchorAt: Date): Date | null {
  let first: Date | null = null;
  for (const target of rule.targets) {
    const at = firstOccurrence(target, events, anchorAt);
    if (at && (!first || at.getTime() < first.getTime())) first = at;
  }
  return first;
}

/** True when the rule's prerequisite was breached or is overdue. */
function prerequisiteMissed(rule: TimescaleRuleDefinition, context: RuleEvaluationContext): boolean {
  const code = rule.appliesWhen?.ruleNotMet;
  if (code === undefined) return true;
  const prior = context.priorOutcomes?.get(code);
  if (!prior) {
    throw new TimescaleError(
      TimescaleErrorCode.PREREQUISITE_NOT_EVALUATED,
      `Rule "${rule.code}" applies only when rule "${code}" was not met; evaluate "${code}" first ` +
        '(evaluateRules does) and pass its outcome in priorOutcomes.',
    );
  }
  return prior.status === 'breached' || prior.status === 'overdue';
}
