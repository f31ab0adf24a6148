import { formatDecimal, formatMonth, formatPercent } from '../../lib/format';
import type { LineSeries } from '../../charts/TimeSeriesLines';
import { stageLabel } from '../protocols/format';
import type { SurvivalStep as ChartStep } from '../../charts/KaplanMeierChart';
import type { BreachGroup, GqlReportUnit, SurvivalStep } from './timeliness.graphql';

/**
 * The compliance target drawn on the chart. No partnership records one yet, so the
 * dashboard uses a working target of 90%, and says so under the chart.
 */
export const COMPLIANCE_TARGET = 0.9;

export const REPORT_UNIT_LABELS: Readonly<Record<GqlReportUnit, 'hours' | 'working days' | 'days'>> = {
  HOURS: 'hours',
  WORKING_DAYS: 'working days',
  CALENDAR_DAYS: 'days',
};

/** Rules ordered by how many outcomes they have, most first: the ones a chart of six lines keeps. */
export function busiestRules(byRule: readonly BreachGroup[]): BreachGroup[] {
  return [...byRule]
    .filter((group) => group.ruleCode !== null)
    .sort((a, b) => (b.counted.value ?? 0) - (a.counted.value ?? 0) || (a.ruleName ?? '').localeCompare(b.ruleName ?? ''));
}

/** Lines on the compliance chart: all timescales and the three busiest rules (more tangle; the rest are in the table). */
export const COMPLIANCE_LINES = 4;

/**
 * Compliance month by month as chart series: all timescales together first, then the
 * busiest rules (COMPLIANCE_LINES lines in all). A month with nothing counted, or whose
 * compliance was withheld, breaks its line.
 */
export function complianceSeries(byRule: readonly BreachGroup[], byRuleAndMonth: readonly BreachGroup[], byMonth: readonly BreachGroup[]): { readonly periods: string[]; readonly series: LineSeries[]; readonly left: number } {
  const months = byMonth.map((group) => group.month).filter((month): month is string => month !== null);
  const rules = busiestRules(byRule);
  const kept = rules.slice(0, COMPLIANCE_LINES - 1);
  const cell = new Map(byRuleAndMonth.map((group) => [`${group.ruleCode}|${group.month}`, group.compliance]));
  return {
    periods: months.map((month) => formatMonth(month, { short: true })),
    series: [
      { key: 'all', label: 'All timescales', values: byMonth.filter((group) => group.month !== null).map((group) => group.compliance) },
      ...kept.map((rule) => ({
        key: rule.ruleCode!,
        label: rule.ruleName ?? rule.ruleCode!,
        values: months.map((month) => cell.get(`${rule.ruleCode}|${month}`) ?? null),
      })),
    ],
    left: rules.length - kept.length,
  };
}

/** What the compliance chart draws a line for besides all timescales: each rule, or each stage. */
export type ComplianceLines = 'rule' | 'stage';

/** The chart's choice from the URL: `compliance=stage`, else rules. */
export function chosenComplianceLines(param: string | null): ComplianceLines {
  return param === 'stage' ? 'stage' : 'rule';
}

/** Stages on the compliance chart: with all timescales, at most six lines (DASHBOARD.md); the rest are in the table. */
export const STAGE_LINES = 5;


/**
 * Compliance month by month per stage: all timescales first, then the stages in ladder
 * order (tier, then code), at most STAGE_LINES of them, keeping the ones with the most
 * timescales when there are more. A month without a cell, or with its compliance withheld,
 * breaks the line.
 */
export function stageComplianceSeries(
  byStage: readonly BreachGroup[],
  byStageAndMonth: readonly BreachGroup[],
  byMonth: readonly BreachGroup[],
): { readonly periods: string[]; readonly series: LineSeries[]; readonly left: number } {
  const months = byMonth.map((group) => group.month).filter((month): month is string => month !== null);
  const stages = byStage.filter((group) => group.stageCode !== null);
  const busiest = new Set(
    [...stages].sort((a, b) => (b.counted.value ?? 0) - (a.counted.value ?? 0)).slice(0, STAGE_LINES).map((group) => `${group.stageCode}|${group.tier}`),
  );
  const kept = stages
    .filter((group) => busiest.has(`${group.stageCode}|${group.tier}`))
    .sort((a, b) => (a.tier ?? 0) - (b.tier ?? 0) || (a.stageCode ?? '').localeCompare(b.stageCode ?? ''));
  const cell = new Map(byStageAndMonth.map((group) => [`${group.stageCode}|${group.tier}|${group.month}`, group.compliance]));
  return {
    periods: months.map((month) => formatMonth(month, { short: true })),
    series: [
      { key: 'all', label: 'All timescales', values: byMonth.filter((group) => group.month !== null).map((group) => group.compliance) },
      ...kept.map((stage) => ({
        key: `stage:${stage.stageCode}|${stage.tier}`,
        label: stageLabel(stage.stageCode ?? ''),
        values: months.map((month) => cell.get(`${stage.stageCode}|${stage.tier}|${month}`) ?? null),
      })),
    ],
    left: stages.length - kept.length,
  };
}

/** "78% of timescales were met; lowest: “Line manager contacted within 24 hours” at 61%". */
export function complianceFinding(overall: BreachGroup, byRule: readonly BreachGroup[]): string | null {
  if (overall.compliance === null) return null;
  const ranked = byRule.filter((group) => group.compliance !== null && (group.counted.value ?? 0) >= 10);
  const lowest = ranked.reduce<BreachGroup | null>((low, group) => (low === null || group.compliance! < low.compliance! ? group : low), null);
  const first = `${formatPercent(overall.compliance)} of timescales were met`;
  return lowest && ranked.length > 1 ? `${first}; lowest was “${lowest.ruleName}” at ${formatPercent(lowest.compliance!)}` : first;
}

/** The curve as drawn: starting at 100% unresolved on day 0. */
export function curveSteps(steps: readonly SurvivalStep[]): ChartStep[] {
  const drawn = steps.map((step) => ({ time: step.time, survival: step.survival }));
  return drawn.length > 0 && drawn[0]!.time === 0 ? drawn : [{ time: 0, survival: 1 }, ...drawn];
}

/** Where escalations left the curve unresolved (still open, or withdrawn): the censor ticks. Unknown when counts are suppressed. */
export function censorTicks(steps: readonly SurvivalStep[]): ChartStep[] {
  return steps.filter((step) => (step.censored ?? 0) > 0).map((step) => ({ time: step.time, survival: step.survival }));
}

/** The median's 95% interval, lower end first (whichever order the limits come in); null ends when not reached. */
export function medianInterval(curve: { readonly medianLowerDays: number | null; readonly medianUpperDays: number | null }): { readonly low: number | null; readonly high: number | null } {
  const { medianLowerDays: a, medianUpperDays: b } = curve;
  if (a !== null && b !== null) return { low: Math.min(a, b), high: Math.max(a, b) };
  return { low: a ?? b, high: null };
}

/** "Half were resolved within 6.5 days (95% interval 5 to 8.2 days)". */
export function medianFinding(curve: { readonly medianDays: number | null; readonly medianLowerDays: number | null; readonly medianUpperDays: number | null }): string | null {
  if (curve.medianDays === null) return null;
  const { low, high } = medianInterval(curve);
  const interval = low !== null && high !== null ? ` (95% interval ${formatDecimal(low)} to ${formatDecimal(high)} days)` : '';
  return `Half were resolved within ${formatDecimal(curve.medianDays)} days${interval}`;
}

/** The share still unresolved at a few landmarks, for the screen-reader summary: "after 7 days, 46% were still unresolved". */
export function survivalAt(steps: readonly SurvivalStep[], day: number): number {
  let survival = 1;
  for (const step of steps) {
    if (step.time > day) break;
    survival = step.survival;
  }
  return survival;
}
