import type { StageExitReason } from '@escalation-insights/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { StageExitReasonEnum } from '../../graphql/domain-enums.js';

@ObjectType({ description: 'The escalation\'s time in one stage of its ladder.' })
export class StageEntry {
  @Field(() => ID)
  id: string;

  /** Not in the schema: keys for loading the stage's protocol requirements and milestones. */
  partnershipId: string;
  escalationId: string;
  protocolId: string;

  @Field()
  stageCode: string;

  @Field(() => Int)
  tier: number;

  @Field(() => Int, { description: 'Ladder position of the stage.' })
  order: number;

  @Field()
  enteredAt: Date;

  @Field(() => Date, { nullable: true })
  exitedAt: Date | null;

  @Field(() => StageExitReasonEnum, { nullable: true })
  exitReason: StageExitReason | null;

  @Field(() => [String], { description: 'Stages passed over on the way here (allowed only for some urgencies).' })
  skippedStageCodes: string[];

  @Field(() => [String])
  participants: string[];

  @Field()
  notes: string;
}
