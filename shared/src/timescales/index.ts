export * from './evaluate-rule.js';
export * from './evaluate-rules.js';
export * from './timescale-errors.js';
export { firstOccurrence } from './rule-events.js';
export { ruleDeadline, timeBetween } from './rule-units.js';
