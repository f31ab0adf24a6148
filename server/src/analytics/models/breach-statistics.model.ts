import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AgencyRole } from '../dto/analytics.args.js';
import { AgencyRoleEnum } from '../dto/analytics.args.js';
import { AnalyticsCount } from './analytics-count.model.js';
import { CohortSummary } from './cohort-summary.model.js';
import { RuleLateness } from './lateness-distribution.model.js';

export const REPORT_UNITS = ['hours', 'working_days', 'calendar_days'] as const;
export type ReportUnit = (typeof REPORT_UNITS)[number];
export const ReportUnitEnum = { HOURS: 'hours', WORKING_DAYS: 'working_days', CALENDAR_DAYS: 'calendar_days' } as const satisfies Record<
  string,
  ReportUnit
>;
registerEnumType(ReportUnitEnum, {
  name: 'ReportUnit',
  description: "A rule's unit as times are reported: a same-working-day rule is reported in working days.",
});

@ObjectType({ description: 'Median and 90th percentile of a set of times, by PostgreSQL percentile_cont (linear interpolation).' })
export class TimeSummary {
  @Field(() => Int, { nullable: true, description: 'How many times; null when small numbers are suppressed.' })
  count: number | null;

  @Field(() => Number, { nullable: true, description: 'null when there are none, or fewer than 5 and small numbers are suppressed.' })
  median: number | null;

  @Field(() => Number, { nullable: true })
  p90: number | null;
}

@ObjectType({ description: 'Times of the outcomes of one group that are in one unit.' })
export class DurationSummary {
  @Field(() => ReportUnitEnum)
  unit: ReportUnit;

  @Field(() => TimeSummary, { description: 'Time taken from anchor to target (or closure): met and breached outcomes.' })
  timeTaken: TimeSummary;

  @Field(() => TimeSummary, { description: 'How late after the deadline: breached and overdue outcomes.' })
  lateness: TimeSummary;
}

@ObjectType({
  description:
    'Timescale outcomes of one group. Counted outcomes are met, breached, overdue and pending (not-applicable ones are ' +
    'left out); compliance = met ÷ (met + breached + overdue).',
})
export class BreachGroup {
  @Field(() => String, { nullable: true })
  ruleCode: string | null;

  @Field(() => String, { nullable: true })
  ruleName: string | null;

  @Field(() => String, { nullable: true })
  stageCode: string | null;

  @Field(() => String, { nullable: true })
  stageName: string | null;

  @Field(() => Int, { nullable: true })
  tier: number | null;

  @Field(() => ID, { nullable: true })
  agencyId: string | null;

  @Field(() => String, { nullable: true })
  agencyName: string | null;

  @Field(() => String, { nullable: true, description: 'Month of raising (first day, YYYY-MM-DD, Europe/London).' })
  month: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "April 2025".' })
  monthLabel: string | null;

  @Field(() => AnalyticsCount)
  met: AnalyticsCount;

  @Field(() => AnalyticsCount)
  breached: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Target not reached, deadline passed, still running (as last evaluated).' })
  overdue: AnalyticsCount;

  @Field(() => AnalyticsCount)
  pending: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'met + breached + overdue + pending.' })
  counted: AnalyticsCount;

  @Field(() => Number, { nullable: true, description: 'met ÷ (met + breached + overdue); null when that is 0 or a count is suppressed.' })
  compliance: number | null;

  @Field(() => [DurationSummary], { description: "One per unit among the group's rules (a rule has one unit)." })
  durations: DurationSummary[];
}

@ObjectType({ description: 'Were timescales met (DESIGN.md §4.3)?' })
export class BreachStatistics {
  @Field(() => CohortSummary)
  cohort: CohortSummary;

  @Field(() => AgencyRoleEnum, { description: 'Which agency byAgency is by.' })
  agencyRole: AgencyRole;

  @Field(() => BreachGroup)
  overall: BreachGroup;

  @Field(() => [BreachGroup])
  byRule: BreachGroup[];

  @Field(() => [BreachGroup])
  byStage: BreachGroup[];

  @Field(() => [BreachGroup])
  byTier: BreachGroup[];

  @Field(() => [BreachGroup])
  byAgency: BreachGroup[];

  @Field(() => [BreachGroup], { description: 'Every month touching the period, by month of raising.' })
  byMonth: BreachGroup[];

  @Field(() => [BreachGroup], { description: 'Each rule in each month (counts and compliance; times are given by rule and by month).' })
  byRuleAndMonth: BreachGroup[];

  @Field(() => [BreachGroup], {
    description: 'Each stage in each month with an outcome (counts and compliance; times are given by stage and by month).',
  })
  byStageAndMonth: BreachGroup[];

  @Field(() => [RuleLateness], {
    description:
      "Per rule (as byRule), its breached and overdue outcomes by how late they were, in the rule's unit: buckets " +
      '≤1, 2, 3, 4–5, 6–10, 11–20, >20 working or calendar days; ≤1, 2–4, 5–8, 9–24, 25–48, 49–168, >168 hours.',
  })
  latenessByRule: RuleLateness[];
}
