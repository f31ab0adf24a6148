import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ThemeInterval } from '../dto/analytics.args.js';
import { ThemeIntervalEnum } from '../dto/analytics.args.js';
import { AnalyticsCount } from './analytics-count.model.js';
import { AnalyticsPeriod } from './analytics-period.model.js';
import { CohortSummary } from './cohort-summary.model.js';

@ObjectType({ description: 'A month or financial-year quarter of the time axis.' })
export class TimeBucket {
  @Field({ description: 'First day (YYYY-MM-DD).' })
  start: string;

  @Field({ description: 'The day after the bucket (YYYY-MM-DD).' })
  end: string;

  @Field({ description: 'e.g. "April 2025" or "Q1 2025/26".' })
  label: string;

  @Field({ description: 'Whether part of the bucket lies outside the period (its counts cover only the days inside).' })
  partial: boolean;
}

@ObjectType({ description: 'A change against the previous period of equal length.' })
export class PeriodChange {
  @Field(() => AnalyticsCount)
  current: AnalyticsCount;

  @Field(() => AnalyticsCount)
  previous: AnalyticsCount;

  @Field(() => Int, { nullable: true, description: 'current − previous; null when either is suppressed.' })
  difference: number | null;

  @Field(() => Number, { nullable: true, description: '(current − previous) ÷ previous; null when previous is 0 or either is suppressed.' })
  ratio: number | null;
}

@ObjectType({ description: 'One category of disagreement over time.' })
export class CategoryTrend {
  @Field()
  categoryCode: string;

  @Field()
  label: string;

  @Field(() => [AnalyticsCount], { description: 'Escalations raised in each bucket, in the order of Themes.buckets.' })
  series: AnalyticsCount[];

  @Field(() => PeriodChange, { description: 'In the whole period, against the previous one.' })
  change: PeriodChange;
}

@ObjectType()
export class MatrixAxisItem {
  @Field({ description: 'Agency id or category code.' })
  key: string;

  @Field()
  label: string;

  @Field(() => ID, { nullable: true, description: "An agency's partnership." })
  partnershipId: string | null;

  @Field(() => AnalyticsCount, { description: "The row's or column's total." })
  total: AnalyticsCount;
}

@ObjectType({ description: 'A cell of a matrix; cells not listed are 0.' })
export class MatrixCell {
  @Field()
  rowKey: string;

  @Field()
  columnKey: string;

  @Field(() => AnalyticsCount)
  count: AnalyticsCount;
}

@ObjectType({ description: 'Escalations of the cohort counted by two dimensions.' })
export class ThemeMatrix {
  @Field(() => [MatrixAxisItem])
  rows: MatrixAxisItem[];

  @Field(() => [MatrixAxisItem])
  columns: MatrixAxisItem[];

  @Field(() => [MatrixCell])
  cells: MatrixCell[];
}

@ObjectType({ description: 'What keeps recurring (DESIGN.md §4.4): counts by category, by agency pair, by category and receiving agency.' })
export class Themes {
  @Field(() => CohortSummary)
  cohort: CohortSummary;

  @Field(() => ThemeIntervalEnum)
  interval: ThemeInterval;

  @Field(() => [TimeBucket])
  buckets: TimeBucket[];

  @Field(() => [AnalyticsCount], { description: 'All categories together, per bucket.' })
  bucketTotals: AnalyticsCount[];

  @Field(() => [CategoryTrend])
  categories: CategoryTrend[];

  @Field(() => AnalyticsPeriod, { description: 'The previous period of equal length (whole months when the period is whole months).' })
  previousPeriod: AnalyticsPeriod;

  @Field(() => PeriodChange, { description: 'The cohort against the previous period\'s.' })
  change: PeriodChange;

  @Field(() => ThemeMatrix, { description: 'Rows: raising agencies; columns: receiving agencies.' })
  agencyPairs: ThemeMatrix;

  @Field(() => ThemeMatrix, { description: 'Rows: categories; columns: receiving agencies.' })
  categoryByReceiving: ThemeMatrix;
}
