import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from './analytics-count.model.js';
import { AnalyticsPeriod } from './analytics-period.model.js';
import { CohortSummary } from './cohort-summary.model.js';

@ObjectType({ description: 'A headline count, against the previous period of equal length, with a monthly series.' })
export class HeadlineCount {
  @Field(() => AnalyticsCount)
  current: AnalyticsCount;

  @Field(() => AnalyticsCount)
  previous: AnalyticsCount;

  @Field(() => Int, { nullable: true, description: 'current − previous; null when either is suppressed.' })
  difference: number | null;

  @Field(() => Number, { nullable: true, description: '(current − previous) ÷ previous; null when previous is 0 or either is suppressed.' })
  ratio: number | null;

  @Field(() => Number, { nullable: true, description: 'current ÷ escalations raised in the period, where that is meaningful.' })
  share: number | null;

  @Field(() => Number, { nullable: true, description: "previous ÷ the previous period's escalations raised." })
  previousShare: number | null;

  @Field(() => [AnalyticsCount], { description: 'Per month of raising, in the order of AnalyticsOverview.months.' })
  sparkline: AnalyticsCount[];
}

@ObjectType({ description: 'Timescale compliance: met ÷ (met + breached + overdue), over the timescales of the escalations raised.' })
export class HeadlineRatio {
  @Field(() => Number, { nullable: true })
  current: number | null;

  @Field(() => Number, { nullable: true })
  previous: number | null;

  @Field(() => Number, { nullable: true, description: 'current − previous (a fraction: 0.05 is 5 percentage points).' })
  difference: number | null;

  @Field(() => AnalyticsCount, { description: 'met + breached + overdue in the period.' })
  denominator: AnalyticsCount;

  @Field(() => AnalyticsCount)
  previousDenominator: AnalyticsCount;

  @Field(() => [Number], { nullable: 'items', description: 'Per month; null where there is nothing to measure or a count is suppressed.' })
  sparkline: (number | null)[];
}

@ObjectType({ description: "The dashboard's first screen: six headline figures for the cohort." })
export class AnalyticsOverview {
  @Field(() => CohortSummary)
  cohort: CohortSummary;

  @Field(() => AnalyticsPeriod)
  previousPeriod: AnalyticsPeriod;

  @Field(() => [String], { description: 'First days of the months touching the period: the sparklines\' x axis (edge months count only days inside).' })
  months: string[];

  @Field(() => HeadlineCount, { description: 'Escalations raised (the cohort: out of scope left out).' })
  raised: HeadlineCount;

  @Field(() => HeadlineCount, { description: 'Of those raised, still open now.' })
  open: HeadlineCount;

  @Field(() => HeadlineCount, { description: 'Of those raised, resolved at practice level (resolved at tier 1).' })
  resolvedAtPractice: HeadlineCount;

  @Field(() => HeadlineCount, { description: 'Of those raised, reached the strategic tier (highest tier 5).' })
  reachedTopTier: HeadlineCount;

  @Field(() => HeadlineRatio, { description: 'Timescale compliance of those raised, outcomes as last evaluated.' })
  compliance: HeadlineRatio;

  @Field(() => HeadlineCount, { description: 'Of those raised, escalations with a timescale overdue now (deadline passed, target not reached).' })
  overdueNow: HeadlineCount;
}
