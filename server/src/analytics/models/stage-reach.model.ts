import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AnalyticsCount } from './analytics-count.model.js';
import { CohortSummary } from './cohort-summary.model.js';

@ObjectType({ description: 'How many of a cohort reached a tier: their highest tier is at least this one.' })
export class TierReach {
  @Field(() => Int)
  tier: number;

  @Field()
  tierName: string;

  @Field(() => AnalyticsCount)
  reached: AnalyticsCount;

  @Field(() => Number, { nullable: true, description: 'reached ÷ cohort (0 to 1); null when either is suppressed or the cohort is empty.' })
  share: number | null;
}

export const RESOLUTION_STATES = ['resolved', 'open', 'withdrawn'] as const;
export type ResolutionState = (typeof RESOLUTION_STATES)[number];
export const ResolutionStateEnum = { RESOLVED: 'resolved', OPEN: 'open', WITHDRAWN: 'withdrawn' } as const satisfies Record<string, ResolutionState>;
registerEnumType(ResolutionStateEnum, { name: 'ResolutionState', description: 'Where an escalation of the cohort stands now.' });

@ObjectType({
  description:
    'One part of the resolved-at distribution: resolved at a tier (resolved_tier = tier), still open, or withdrawn. ' +
    'The parts partition the cohort, so their counts add up to it and their shares to 1.',
})
export class ResolutionShare {
  @Field(() => ResolutionStateEnum)
  state: ResolutionState;

  @Field(() => Int, { nullable: true, description: 'The tier it was resolved at; null for open and withdrawn.' })
  tier: number | null;

  @Field(() => AnalyticsCount)
  count: AnalyticsCount;

  @Field(() => Number, { nullable: true, description: 'count ÷ cohort; null when either is suppressed or the cohort is empty.' })
  share: number | null;
}

@ObjectType({ description: "Reach of one stage of a protocol's own ladder, over the cohort's escalations that followed it." })
export class StageReachRow {
  @Field()
  stageCode: string;

  @Field()
  stageName: string;

  @Field(() => Int)
  ladderOrder: number;

  @Field(() => Int)
  tier: number;

  @Field(() => AnalyticsCount, { description: "Highest stage reached is this one or a later one (highest_stage_order ≥ this stage's order)." })
  reached: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Has a stage entry for this stage.' })
  entered: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Reached but never entered: went past this stage without it (reached − entered).' })
  skipped: AnalyticsCount;

  @Field(() => Number, { nullable: true, description: 'reached ÷ escalations that followed the protocol.' })
  share: number | null;
}

@ObjectType()
export class ProtocolStageReach {
  @Field(() => ID)
  protocolId: string;

  @Field()
  protocolName: string;

  @Field(() => AnalyticsCount, { description: 'Escalations of the cohort that followed this protocol (version).' })
  escalations: AnalyticsCount;

  @Field(() => [StageReachRow], { description: 'Stages in ladder order.' })
  stages: StageReachRow[];
}

@ObjectType({ description: 'Reach and resolved-at for the part of the cohort with one raising agency, receiving agency or category.' })
export class ReachBreakdown {
  @Field({ description: 'Agency id or category code.' })
  key: string;

  @Field()
  label: string;

  @Field(() => ID, { nullable: true, description: "The agency's partnership; null for categories." })
  partnershipId: string | null;

  @Field(() => AnalyticsCount)
  escalations: AnalyticsCount;

  @Field(() => [TierReach])
  tiers: TierReach[];

  @Field(() => [ResolutionShare])
  resolvedAt: ResolutionShare[];
}

@ObjectType({ description: 'How far up the ladder the cohort went (DESIGN.md §4.1).' })
export class StageReach {
  @Field(() => CohortSummary)
  cohort: CohortSummary;

  @Field(() => [TierReach], { description: 'Tiers 1 to 5; reach is cumulative, so it never rises from one tier to the next.' })
  tiers: TierReach[];

  @Field(() => [ResolutionShare], { description: 'Resolved at tiers 1 to 5, open, withdrawn.' })
  resolvedAt: ResolutionShare[];

  @Field(() => ProtocolStageReach, { nullable: true, description: 'By the stages of the protocol asked for; null when none was.' })
  stages: ProtocolStageReach | null;

  @Field(() => [ReachBreakdown])
  byRaisingAgency: ReachBreakdown[];

  @Field(() => [ReachBreakdown])
  byReceivingAgency: ReachBreakdown[];

  @Field(() => [ReachBreakdown])
  byCategory: ReachBreakdown[];
}
