import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from '../../analytics/models/analytics-count.model.js';
import { AnalyticsPeriod } from '../../analytics/models/analytics-period.model.js';
import { TierReach } from '../../analytics/models/stage-reach.model.js';

@ObjectType({
  description:
    'One partnership\'s figures in the national picture (or all of them together). Escalations raised in the period, ' +
    'less those marked out of scope (counted on their own); counts from 1 to 4 suppressed.',
})
export class NationalFigures {
  @Field(() => ID, { nullable: true, description: 'The partnership; null for the total over every partnership shown.' })
  partnershipId: string | null;

  @Field({ description: 'The partnership\'s name, or "All partnerships" for the total.' })
  name: string;

  @Field(() => AnalyticsCount, { description: 'Escalations raised in the period (out of scope left out).' })
  raised: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Of those, still open now.' })
  open: AnalyticsCount;

  @Field(() => Number, { nullable: true, description: 'open ÷ raised; null when either is suppressed or none were raised.' })
  openShare: number | null;

  @Field(() => AnalyticsCount, { description: 'Of those, escalations that reached tier 5 (strategic).' })
  reachedTopTier: AnalyticsCount;

  @Field(() => Number, { nullable: true, description: 'reachedTopTier ÷ raised; null when either is suppressed or none were raised.' })
  topTierShare: number | null;

  @Field(() => [TierReach], { description: 'Escalations whose highest tier is at least each tier, 1 to 5.' })
  reach: TierReach[];

  @Field(() => Number, {
    nullable: true,
    description: 'Timescale compliance: met ÷ (met + breached + overdue); null when a count behind it is suppressed or nothing was due.',
  })
  compliance: number | null;

  @Field(() => AnalyticsCount, { description: 'Timescale outcomes decided: met + breached + overdue (the denominator of compliance).' })
  timescalesDecided: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Escalations raised in the period and marked out of scope: in no other figure.' })
  outOfScope: AnalyticsCount;
}

@ObjectType({ description: 'Escalation figures across partnerships, from the national aggregate views, always small-number suppressed.' })
export class NationalOverview {
  @Field(() => AnalyticsPeriod)
  period: AnalyticsPeriod;

  @Field(() => [NationalFigures], { description: 'One row per partnership, by name.' })
  partnerships: NationalFigures[];

  @Field(() => NationalFigures, { description: 'Every partnership shown, together.' })
  total: NationalFigures;

  @Field({ description: 'Whether small-number suppression was applied (always, for national viewers).' })
  smallNumbersSuppressed: boolean;

  @Field(() => Date, { description: 'The moment "now" meant for this answer ("still open").' })
  asOf: Date;
}
