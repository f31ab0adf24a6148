import { describe, expect, it } from '@jest/globals';
import type { ApiCount } from '../../lib/suppression';
import { censorTicks, complianceFinding, complianceSeries, curveSteps, medianFinding, survivalAt } from './timeliness-findings';
import type { BreachGroup, SurvivalStep } from './timeliness.graphql';

const count = (value: number | null): ApiCount => (value === null ? { value: null, display: '<5', suppressed: true } : { value, display: String(value), suppressed: false });
const group = (ruleCode: string | null, counted: number, compliance: number | null, month: string | null = null): BreachGroup => ({
  ruleCode, ruleName: ruleCode ? `Rule ${ruleCode}` : null, stageCode: null, stageName: null, tier: null, month, monthLabel: null,
  met: count(0), breached: count(0), overdue: count(0), pending: count(0), counted: count(counted), compliance, durations: [],
});

describe('compliance over time', () => {
  it('draws all timescales first, then the three rules with the most outcomes, breaking a line where a month has no figure', () => {
    const rules = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((code, index) => group(code, 100 - index, 0.8));
    const byMonth = [group(null, 30, 0.7, '2025-04-01'), group(null, 20, 0.75, '2025-05-01')];
    const { periods, series, left } = complianceSeries(rules, [group('a', 5, 0.6, '2025-04-01'), group('a', 5, null, '2025-05-01')], byMonth);
    expect(series.map((item) => item.key)).toEqual(['all', 'a', 'b', 'c']);
    expect(left).toBe(4);
    expect(series[0]!.values).toEqual([0.7, 0.75]);
    expect(series[1]!.values).toEqual([0.6, null]);
    expect(series[2]!.values).toEqual([null, null]);
    expect(periods).toHaveLength(2);
  });

  it('states overall compliance and the lowest rule with enough outcomes to judge', () => {
    expect(complianceFinding(group(null, 200, 0.78), [group('a', 100, 0.9), group('b', 60, 0.61), group('c', 3, 0.1)])).toBe(
      '78% of timescales were met; lowest was “Rule b” at 61%',
    );
    expect(complianceFinding(group(null, 200, null), [])).toBeNull();
  });
});

describe('the Kaplan–Meier curve', () => {
  const steps: SurvivalStep[] = [
    { time: 0.5, atRisk: 10, events: 2, censored: 0, survival: 0.8 },
    { time: 3, atRisk: 8, events: 0, censored: 1, survival: 0.8 },
    { time: 6.25, atRisk: 7, events: 4, censored: 0, survival: 0.342 },
  ];

  it('starts at 100% unresolved on day 0', () => {
    expect(curveSteps(steps)[0]).toEqual({ time: 0, survival: 1 });
    expect(curveSteps(steps)).toHaveLength(4);
  });

  it('ticks the times when escalations left unresolved', () => {
    expect(censorTicks(steps)).toEqual([{ time: 3, survival: 0.8 }]);
  });

  it('reads the share still unresolved at any day, and words the median with its interval', () => {
    expect(survivalAt(steps, 0)).toBe(1);
    expect(survivalAt(steps, 4)).toBe(0.8);
    expect(survivalAt(steps, 30)).toBe(0.342);
    expect(medianFinding({ medianDays: 6.25, medianLowerDays: 5, medianUpperDays: 8.21 })).toBe('Half were resolved within 6.3 days (95% interval 5 to 8.2 days)');
    expect(medianFinding({ medianDays: null, medianLowerDays: null, medianUpperDays: null })).toBeNull();
    // Limits that arrive the wrong way round are put in order.
    expect(medianFinding({ medianDays: 4.1, medianLowerDays: 5.7, medianUpperDays: 3.2 })).toBe('Half were resolved within 4.1 days (95% interval 3.2 to 5.7 days)');
  });
});
