import type { MilestoneKind, RequirementKind, RequirementStatus } from '@escalation-insights/shared';
import { Field, ObjectType } from '@nestjs/graphql';
import { MilestoneKindEnum, RequirementEnum, RequirementStatusEnum } from '../../graphql/domain-enums.js';

@ObjectType({ description: 'Whether one thing the protocol asks for at a stage is evidenced by a milestone recorded there.' })
export class StageRequirement {
  @Field(() => RequirementEnum)
  requirement: RequirementKind;

  @Field(() => RequirementStatusEnum)
  status: RequirementStatus;

  @Field(() => MilestoneKindEnum, { nullable: true, description: 'The milestone that evidences it; null when none can.' })
  milestoneKind: MilestoneKind | null;

  @Field(() => Date, { nullable: true })
  evidencedAt: Date | null;
}
