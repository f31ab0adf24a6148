import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from './analytics-count.model.js';
import { CohortSummary } from './cohort-summary.model.js';

@ObjectType({
  description:
    'One step of a Kaplan–Meier curve: a distinct time at which at least one escalation was resolved (an event) or ' +
    'censored. Counts are null when small numbers are suppressed (each step is a handful of escalations).',
})
export class SurvivalStep {
  @Field({ description: 'Calendar days (fractional) since raising.' })
  time: number;

  @Field(() => Int, { nullable: true, description: 'Escalations still unresolved and uncensored just before this time.' })
  atRisk: number | null;

  @Field(() => Int, { nullable: true, description: 'Resolved at this time.' })
  events: number | null;

  @Field(() => Int, { nullable: true, description: 'Censored at this time (still open now, or withdrawn then).' })
  censored: number | null;

  @Field({ description: 'S(t): estimated share still unresolved after this time.' })
  survival: number;

  @Field(() => Number, { nullable: true, description: "Lower 95% band of S(t) (Greenwood, log scale); null where S(t) = 0." })
  lower: number | null;

  @Field(() => Number, { nullable: true, description: 'Upper 95% band of S(t); null where S(t) = 0.' })
  upper: number | null;
}

@ObjectType({
  description:
    'Time to resolution as a Kaplan–Meier curve (DESIGN.md §4.3), overall or for the escalations whose highest tier ' +
    'reached is `tier`.',
})
export class SurvivalCurve {
  @Field(() => Int, { nullable: true, description: 'Highest tier reached; null for the whole cohort.' })
  tier: number | null;

  @Field(() => AnalyticsCount, { description: 'Escalations in the curve.' })
  escalations: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Resolved (events).' })
  resolved: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Censored: open now, or withdrawn.' })
  censored: AnalyticsCount;

  @Field(() => Number, { nullable: true, description: 'Median days to resolution: the first time S(t) ≤ 0.5; null if the curve never gets there.' })
  medianDays: number | null;

  @Field(() => Number, {
    nullable: true,
    description: "Lower limit of the median's 95% interval (Brookmeyer–Crowley, as R's quantile.survfit): the first time the lower band ≤ 0.5.",
  })
  medianLowerDays: number | null;

  @Field(() => Number, { nullable: true, description: 'Upper limit: the first time the upper band ≤ 0.5; null when the band never gets there.' })
  medianUpperDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct times (steps) of the full curve; null when small numbers are suppressed.' })
  totalSteps: number | null;

  @Field({ description: 'Whether `steps` is a thinned selection of the full curve (see TimeToResolutionArgs.maxSteps).' })
  thinned: boolean;

  @Field(() => [SurvivalStep], {
    description:
      'The steps, by time. When thinned: every k-th step, plus the first, the last and those at the median and its limits; ' +
      'each is exact at its time.',
  })
  steps: SurvivalStep[];
}

@ObjectType({ description: 'How long escalations take to resolve, open ones included as censored.' })
export class TimeToResolution {
  @Field(() => CohortSummary)
  cohort: CohortSummary;

  @Field(() => SurvivalCurve)
  overall: SurvivalCurve;

  @Field(() => [SurvivalCurve], { description: 'One per tier 1–5, by highest tier reached.' })
  byTier: SurvivalCurve[];
}
