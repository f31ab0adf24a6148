import { formatNumber } from '../../lib/format';
import { SUPPRESSED, type ApiCount } from '../../lib/suppression';
import { REPORT_UNIT_LABELS } from './timeliness-findings';
import type { GqlReportUnit, LatenessBucket, RuleLateness } from './timeliness.graphql';

/*
 * The lateness histogram of one rule: how late its missed timescales were, and how late
 * the overdue ones are so far, in buckets of the rule's unit (docs/analytics.md).
 */

/** A rule's key as the API groups rules (code, stage, tier, unit): codes alone can repeat across partnerships. */
export function ruleKey(rule: Pick<RuleLateness, 'ruleCode' | 'stageCode' | 'tier' | 'unit'>): string {
  return `${rule.ruleCode}|${rule.stageCode}|${rule.tier}|${rule.unit}`;
}

/** The late outcomes of a rule, for ranking: suppressed counts count as nothing. */
function lateCount(rule: RuleLateness): number {
  return (rule.breached.value ?? 0) + (rule.overdue.value ?? 0);
}

/** Whether a rule had anything late (or something hidden as "<5", which is at least one). */
export function hasLate(rule: RuleLateness): boolean {
  return lateCount(rule) > 0 || rule.breached.suppressed || rule.overdue.suppressed;
}

/** Rules with late outcomes, the most first: the choices of the histogram's selector. */
export function rulesWithLate(rules: readonly RuleLateness[]): RuleLateness[] {
  return rules.filter(hasLate).sort((a, b) => lateCount(b) - lateCount(a) || a.tier - b.tier || a.ruleName.localeCompare(b.ruleName));
}

/** The rule the histogram shows: the one asked for (by code, or by full key), else the one with the most late outcomes. */
export function chosenRule(rules: readonly RuleLateness[], asked: string | null): RuleLateness | null {
  const choices = rulesWithLate(rules);
  if (asked) {
    const found = choices.find((rule) => ruleKey(rule) === asked) ?? choices.find((rule) => rule.ruleCode === asked);
    if (found) return found;
  }
  return choices[0] ?? null;
}

/** The axis title of a unit's buckets: "Late by (working days, rounded up)". */
export function latenessAxisLabel(unit: GqlReportUnit): string {
  return `Late by (${REPORT_UNIT_LABELS[unit]}, rounded up)`;
}

/** How a bucket reads in a sentence or a table: "≤1" → "up to 1 working day", "4–5" → "4 to 5 working days", ">20" → "more than 20 working days". */
export function bucketInWords(bucket: Pick<LatenessBucket, 'label' | 'above' | 'upTo'>, unit: GqlReportUnit): string {
  const plural = REPORT_UNIT_LABELS[unit];
  const words = (n: number) => (n === 1 ? plural.replace(/s$/, '') : plural);
  if (bucket.above === null && bucket.upTo !== null) return `up to ${formatNumber(bucket.upTo)} ${words(bucket.upTo)}`;
  if (bucket.upTo === null && bucket.above !== null) return `more than ${formatNumber(bucket.above)} ${plural}`;
  const low = (bucket.above ?? 0) + 1;
  const high = bucket.upTo ?? low;
  return low === high ? `${formatNumber(high)} ${words(high)}` : `${formatNumber(low)} to ${formatNumber(high)} ${plural}`;
}

/**
 * What is written over a bucket's bar: the total of missed and overdue when both are
 * shown; "<5" when the only non-zero part is hidden; otherwise the shown part and "<5"
 * ("12 + <5"), since a total with a hidden part cannot be given.
 */
export function bucketTotalText(bucket: Pick<LatenessBucket, 'breached' | 'overdue'>): string {
  const parts: ApiCount[] = [bucket.breached, bucket.overdue];
  const hidden = parts.filter((part) => part.suppressed);
  const shown = parts.filter((part) => !part.suppressed).reduce((sum, part) => sum + (part.value ?? 0), 0);
  if (hidden.length === 0) return formatNumber(shown);
  if (shown === 0) return SUPPRESSED;
  return `${formatNumber(shown)} + ${SUPPRESSED}`;
}

/** The threshold a finding speaks of: late by more than a working week, or more than a day for hours rules. */
const LONG_LATE: Readonly<Record<GqlReportUnit, number>> = { WORKING_DAYS: 5, CALENDAR_DAYS: 7, HOURS: 24 };

/**
 * "3 of the 8 late were more than 5 working days late", or null when a count it needs is
 * hidden (or nothing was late).
 */
export function latenessFinding(rule: RuleLateness): string | null {
  if (rule.breached.suppressed || rule.overdue.suppressed) return null;
  const late = lateCount(rule);
  if (late === 0) return null;
  const threshold = LONG_LATE[rule.unit];
  const beyond = rule.buckets.filter((bucket) => bucket.above !== null && bucket.above >= threshold);
  if (beyond.some((bucket) => bucket.breached.suppressed || bucket.overdue.suppressed)) return null;
  const long = beyond.reduce((sum, bucket) => sum + (bucket.breached.value ?? 0) + (bucket.overdue.value ?? 0), 0);
  const unit = REPORT_UNIT_LABELS[rule.unit];
  return `${formatNumber(long)} of the ${formatNumber(late)} late “${rule.ruleName}” ${late === 1 ? 'timescale was' : 'timescales were'} more than ${formatNumber(threshold)} ${unit} late`;
}
