import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from './analytics-count.model.js';
import { ReportUnitEnum, type ReportUnit } from './breach-statistics.model.js';
import { CohortSummary } from './cohort-summary.model.js';

@ObjectType({ description: 'Open escalations whose age (calendar days since raising, now) is in [minDays, maxDays).' })
export class AgeBucket {
  @Field()
  label: string;

  @Field(() => Int)
  minDays: number;

  @Field(() => Int, { nullable: true, description: 'null: no upper bound.' })
  maxDays: number | null;

  @Field(() => AnalyticsCount)
  escalations: AnalyticsCount;
}

@ObjectType({ description: 'Open escalations at one stage of a protocol.' })
export class StageCount {
  @Field(() => ID)
  protocolId: string;

  @Field()
  stageCode: string;

  @Field()
  stageName: string;

  @Field(() => Int)
  tier: number;

  @Field(() => Int)
  ladderOrder: number;

  @Field(() => AnalyticsCount)
  escalations: AnalyticsCount;
}

@ObjectType({ description: 'A timescale whose deadline has passed with its target not reached (pending or overdue, deadline before now).' })
export class OverdueTimescale {
  @Field(() => ID)
  partnershipId: string;

  @Field(() => ID)
  escalationId: string;

  @Field()
  reference: string;

  @Field()
  ruleCode: string;

  @Field()
  ruleName: string;

  @Field()
  stageCode: string;

  @Field(() => Date)
  deadline: Date;

  @Field({ description: 'Calendar days (fractional) from the deadline to now.' })
  overdueDays: number;

  @Field(() => ReportUnitEnum)
  unit: ReportUnit;

  @Field(() => Number, { nullable: true, description: "From the deadline to now in the rule's unit; null outside the working calendar's years." })
  lateness: number | null;
}

@ObjectType()
export class OverdueNow {
  @Field(() => AnalyticsCount, { description: 'Timescales overdue now.' })
  timescales: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Escalations with at least one timescale overdue now.' })
  escalations: AnalyticsCount;

  @Field(() => [OverdueTimescale], { description: 'Oldest deadline first, at most `overdueLimit`; none when small numbers are suppressed.' })
  list: OverdueTimescale[];
}

@ObjectType({ description: 'What is open, how old, where it is stuck, and what is overdue now.' })
export class Drift {
  @Field(() => CohortSummary)
  cohort: CohortSummary;

  @Field(() => AnalyticsCount, { description: 'Escalations of the cohort still open now.' })
  open: AnalyticsCount;

  @Field(() => [AgeBucket])
  byAge: AgeBucket[];

  @Field(() => [StageCount], { description: 'By current stage, in ladder order.' })
  byCurrentStage: StageCount[];

  @Field(() => OverdueNow)
  overdue: OverdueNow;
}
