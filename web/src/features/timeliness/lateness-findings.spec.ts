import { describe, expect, it } from '@jest/globals';
import type { ApiCount } from '../../lib/suppression';
import { bucketInWords, bucketTotalText, chosenRule, latenessAxisLabel, latenessFinding, ruleKey, rulesWithLate } from './lateness-findings';
import { chosenComplianceLines, stageComplianceSeries } from './timeliness-findings';
import type { BreachGroup, GqlReportUnit, LatenessBucket, RuleLateness } from './timeliness.graphql';

const count = (value: number | null): ApiCount => (value === null ? { value: null, display: '<5', suppressed: true } : { value, display: String(value), suppressed: false });

const DAY_BOUNDS: [string, number | null, number | null][] = [
  ['≤1', null, 1], ['2', 1, 2], ['3', 2, 3], ['4–5', 3, 5], ['6–10', 5, 10], ['11–20', 10, 20], ['>20', 20, null],
];

/** A rule whose buckets hold these [missed, overdue] counts (null: suppressed), in the day buckets. */
function rule(code: string, counts: [number | null, number | null][], unit: GqlReportUnit = 'WORKING_DAYS', tier = 1): RuleLateness {
  const buckets: LatenessBucket[] = DAY_BOUNDS.map(([label, above, upTo], index) => ({
    label, above, upTo, breached: count(counts[index]?.[0] ?? 0), overdue: count(counts[index]?.[1] ?? 0),
  }));
  const sum = (part: 0 | 1) => (counts.some((c) => c[part] === null) ? null : counts.reduce((total, c) => total + (c[part] ?? 0), 0));
  return { ruleCode: code, ruleName: `Rule ${code}`, stageCode: '1', stageName: 'Practitioners', tier, unit, breached: count(sum(0)), overdue: count(sum(1)), buckets };
}

describe('the lateness histogram', () => {
  it('reads each bucket in words, in the unit, with the ends as the API defines them', () => {
    const words = DAY_BOUNDS.map(([label, above, upTo]) => bucketInWords({ label, above, upTo }, 'WORKING_DAYS'));
    expect(words).toEqual(['up to 1 working day', '2 working days', '3 working days', '4 to 5 working days', '6 to 10 working days', '11 to 20 working days', 'more than 20 working days']);
    expect(bucketInWords({ label: '2–4', above: 1, upTo: 4 }, 'HOURS')).toBe('2 to 4 hours');
    expect(bucketInWords({ label: '>168', above: 168, upTo: null }, 'HOURS')).toBe('more than 168 hours');
    expect(latenessAxisLabel('HOURS')).toBe('Late by (hours, rounded up)');
  });

  it('writes a bar\'s total only when no part of it is hidden', () => {
    expect(bucketTotalText({ breached: count(7), overdue: count(5) })).toBe('12');
    expect(bucketTotalText({ breached: count(0), overdue: count(0) })).toBe('0');
    expect(bucketTotalText({ breached: count(null), overdue: count(0) })).toBe('<5');
    expect(bucketTotalText({ breached: count(12), overdue: count(null) })).toBe('12 + <5');
    expect(bucketTotalText({ breached: count(null), overdue: count(null) })).toBe('<5');
  });

  it('offers the rules with anything late, the most first, and shows the one asked for or else the first', () => {
    const none = rule('none', []);
    const few = rule('few', [[2, 0]]);
    const many = rule('many', [[10, 0], [0, 5]]);
    const hidden = rule('hidden', [[null, 0]], 'HOURS', 2);
    expect(rulesWithLate([none, few, many, hidden]).map((r) => r.ruleCode)).toEqual(['many', 'few', 'hidden']);
    expect(chosenRule([none, few, many], null)?.ruleCode).toBe('many');
    expect(chosenRule([none, few, many], 'few')?.ruleCode).toBe('few');
    expect(chosenRule([none, few, many], ruleKey(few))?.ruleCode).toBe('few');
    // A rule with nothing late, or one not there, is not shown: the busiest is.
    expect(chosenRule([none, few, many], 'none')?.ruleCode).toBe('many');
    expect(chosenRule([none], null)).toBeNull();
  });

  it('states how many were more than a working week late, unless a count it needs is hidden', () => {
    // 3 + 1 + 2 late; beyond 5 working days: the 6–10 bucket's 2.
    expect(latenessFinding(rule('a', [[3, 0], [1, 0], [0, 0], [0, 0], [0, 2]]))).toBe('2 of the 6 late “Rule a” timescales were more than 5 working days late');
    expect(latenessFinding(rule('b', [[null, 0], [6, 0]]))).toBeNull();
    expect(latenessFinding(rule('c', []))).toBeNull();
  });
});

const group = (stageCode: string | null, tier: number | null, counted: number, compliance: number | null, month: string | null = null): BreachGroup => ({
  ruleCode: null, ruleName: null, stageCode, stageName: stageCode ? `Stage name ${stageCode}` : null, tier, month, monthLabel: null,
  met: count(0), breached: count(0), overdue: count(0), pending: count(0), counted: count(counted), compliance, durations: [],
});

describe('compliance over time by stage', () => {
  it('draws all timescales, then the stages in ladder order, at most five, breaking a line where a month has no figure', () => {
    const stages = [group('3b', 4, 5, 0.5), group('1', 1, 100, 0.9), group('2', 2, 50, 0.8), group('3a', 3, 20, 0.7), group('exceptional', 5, 1, 1), group('4', 4, 2, 1)];
    const byMonth = [group(null, null, 90, 0.85, '2025-04-01'), group(null, null, 88, 0.8, '2025-05-01')];
    const cells = [group('1', 1, 50, 0.9, '2025-04-01'), group('1', 1, 50, 0.92, '2025-05-01'), group('2', 2, 30, null, '2025-05-01')];
    const { series, left, periods } = stageComplianceSeries(stages, cells, byMonth);
    expect(series.map((item) => item.label)).toEqual(['All timescales', 'Stage 1', 'Stage 2', 'Stage 3a', 'Stage 3b', 'Stage 4']);
    expect(left).toBe(1);
    expect(series[1]!.values).toEqual([0.9, 0.92]);
    expect(series[2]!.values).toEqual([null, null]);
    expect(periods).toHaveLength(2);
  });

  it('reads the choice of lines from the URL, rules unless stages are asked for', () => {
    expect(chosenComplianceLines('stage')).toBe('stage');
    expect(chosenComplianceLines(null)).toBe('rule');
    expect(chosenComplianceLines('nonsense')).toBe('rule');
  });
});
