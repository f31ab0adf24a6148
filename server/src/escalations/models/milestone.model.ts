import type { MilestoneKind } from '@escalation-insights/shared';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MilestoneKindEnum } from '../../graphql/domain-enums.js';

@ObjectType({ description: 'A dated event within an escalation.' })
export class Milestone {
  @Field(() => ID)
  id: string;

  @Field(() => MilestoneKindEnum)
  kind: MilestoneKind;

  @Field(() => String, { nullable: true, description: 'The stage it belongs to.' })
  stageCode: string | null;

  @Field()
  occurredAt: Date;

  @Field()
  notes: string;

  @Field()
  recordedAt: Date;
}
