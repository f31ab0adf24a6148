import { Field, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from './analytics-count.model.js';
import { AnalyticsPeriod } from './analytics-period.model.js';

@ObjectType({
  description:
    'What a statistic was computed over. The cohort: escalations raised in the period matching the filter, less those ' +
    'marked out of scope, which are left out of every statistic but their own count.',
})
export class CohortSummary {
  @Field(() => AnalyticsPeriod)
  period: AnalyticsPeriod;

  @Field(() => AnalyticsCount, { description: 'Escalations in the cohort.' })
  escalations: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Escalations raised in the period, matching the filter, marked out of scope.' })
  outOfScope: AnalyticsCount;

  @Field({ description: 'Whether small-number suppression was applied to this answer.' })
  smallNumbersSuppressed: boolean;

  @Field(() => Date, { description: 'The moment "now" meant for this answer (open escalations, overdue timescales).' })
  asOf: Date;
}
