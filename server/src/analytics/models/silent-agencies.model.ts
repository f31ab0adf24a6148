import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AgencySector } from '@escalation-insights/shared';
import { AgencySectorEnum } from '../../graphql/domain-enums.js';
import { AnalyticsCount } from './analytics-count.model.js';
import { AnalyticsPeriod } from './analytics-period.model.js';
import { CohortSummary } from './cohort-summary.model.js';

@ObjectType({ description: 'How many escalations of the cohort an agency raised in this period and each of the ones before.' })
export class AgencyActivity {
  @Field(() => ID)
  agencyId: string;

  @Field()
  name: string;

  @Field(() => AgencySectorEnum)
  sector: AgencySector;

  @Field(() => ID)
  partnershipId: string;

  @Field()
  isActive: boolean;

  @Field({ description: 'An active agency that raised none in the period.' })
  silent: boolean;

  @Field(() => [AnalyticsCount], { description: 'Raised per period, in the order of SilentAgencies.periods (this period first).' })
  raised: AnalyticsCount[];
}

@ObjectType({ description: 'Which agencies never escalate?' })
export class SilentAgencies {
  @Field(() => CohortSummary)
  cohort: CohortSummary;

  @Field(() => [AnalyticsPeriod], { description: 'This period, then the previous ones of equal length, most recent first.' })
  periods: AnalyticsPeriod[];

  @Field(() => [AnalyticsCount], { description: 'All agencies together, per period.' })
  periodTotals: AnalyticsCount[];

  @Field(() => [AgencyActivity], { description: 'Silent agencies first, then by name. Active agencies, and inactive ones that raised any.' })
  agencies: AgencyActivity[];
}
