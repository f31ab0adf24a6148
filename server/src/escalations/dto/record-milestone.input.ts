import { MILESTONE_KINDS, type MilestoneKind } from '@escalation-insights/shared';
import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MilestoneKindEnum } from '../../graphql/domain-enums.js';
import { EscalationChangeInput } from './escalation-change.input.js';
import { TEXT_LIMITS } from './text-limits.js';

@InputType({ description: 'A dated event within the escalation; may follow its closure (feedback often does).' })
export class RecordMilestoneInput extends EscalationChangeInput {
  @Field(() => MilestoneKindEnum)
  @IsIn(MILESTONE_KINDS)
  kind: MilestoneKind;

  @Field()
  @IsDate()
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: 'A stage the escalation has reached; default: the stage it was in at occurredAt.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.code)
  stageCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.notes)
  notes?: string | null;
}
