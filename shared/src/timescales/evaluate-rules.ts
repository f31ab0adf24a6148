import type { WorkingCalendar } from '../domain/calendar.js';
import type { TimescaleRuleDefinition } from '../domain/protocol.js';
import type { EscalationEvents, TimescaleOutcome } from '../domain/timescale.js';
import { evaluateRule } from './evaluate-rule.js';
import { TimescaleError, TimescaleErrorCode } from './timescale-errors.js';

/**
 * Every rule of a protocol for one escalation, as at `now` (see `evaluateRule` for
 * what each outcome means). Rules are evaluated prerequisites first, so that
 * `appliesWhen.ruleNotMet` sees the outcome it depends on; the outcomes come back in
 * the order of `rules`. Throws a {@link TimescaleError} when a rule names a
 * prerequisite that is not in `rules`, or when prerequisites form a cycle.
 */
export function evaluateRules(
  rules: readonly TimescaleRuleDefinition[],
  events: EscalationEvents,
  calendar: WorkingCalendar,
  now: Date,
): TimescaleOutcome[] {
  const outcomes = new Map<string, TimescaleOutcome>();
  for (const rule of dependencyOrder(rules)) {
    outcomes.set(rule.code, evaluateRule(rule, events, calendar, now, { priorOutcomes: outcomes }));
  }
  return rules.map((rule) => outcomes.get(rule.code) as TimescaleOutcome);
}

/** `rules` reordered so that each rule comes after the rule it depends on. */
export function dependencyOrder(rules: readonly TimescaleRuleDefinition[]): TimescaleRuleDefinition[] {
  const byCode = new Map(rules.map((rule) => [rule.code, rule]));
  const ordered: TimescaleRuleDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();

  const visit = (rule: TimescaleRuleDefinition, path: readonly string[]): void => {
    const seen = state.get(rule.code);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      throw new TimescaleError(
        TimescaleErrorCode.CIRCULAR_PREREQUISITES,
        `Timescale rules depend on each other in a circle: ${[...path, rule.code].join(' → ')}`,
      );
    }
    state.set(rule.code, 'visiting');
    const prerequisite = rule.appliesWhen?.ruleNotMet;
    if (prerequisite !== undefined) {
      const required = byCode.get(prerequisite);
      if (!required) {
        throw new TimescaleError(
          TimescaleErrorCode.UNKNOWN_PREREQUISITE,
          `Rule "${rule.code}" applies only when rule "${prerequisite}" was not met, but there is no such rule`,
        );
      }
      visit(required, [...path, rule.code]);
    }
    state.set(rule.code, 'done');
    ordered.push(rule);
  };

  for (const rule of rules) visit(rule, []);
  return ordered;
}
