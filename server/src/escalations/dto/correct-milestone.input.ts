import { MILESTONE_KINDS, type MilestoneKind } from '@escalation-insights/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { MilestoneKindEnum } from '../../graphql/domain-enums.js';
import { CorrectionInput } from './correction-reason.input.js';
import { TEXT_LIMITS } from './text-limits.js';

@InputType({ description: 'Puts right one milestone, or removes one recorded in error (the correction keeps what it was).' })
export class CorrectMilestoneInput extends CorrectionInput {
  @Field(() => ID)
  @IsRecordId()
  milestoneId: string;

  @Field(() => MilestoneKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(MILESTONE_KINDS)
  kind?: MilestoneKind | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'A stage the escalation has reached.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.code)
  stageCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.notes)
  notes?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True to remove the milestone.' })
  @IsOptional()
  @IsBoolean()
  remove?: boolean | null;
}
