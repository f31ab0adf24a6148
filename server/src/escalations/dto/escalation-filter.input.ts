import { ESCALATION_STATUSES, URGENCIES, type EscalationStatus, type Urgency } from '@escalation-insights/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { EscalationStatusEnum, UrgencyEnum } from '../../graphql/domain-enums.js';
import { TEXT_LIMITS } from './text-limits.js';

@InputType({ description: 'Which escalations to list; every field given narrows the list.' })
export class EscalationFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsRecordId()
  partnershipId?: string | null;

  @Field(() => [EscalationStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ESCALATION_STATUSES.length)
  @IsIn(ESCALATION_STATUSES, { each: true })
  statuses?: EscalationStatus[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsRecordId()
  raisingAgencyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsRecordId()
  receivingAgencyId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.code)
  categoryCode?: string | null;

  @Field(() => [UrgencyEnum], { nullable: true, description: 'Any of these urgencies.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(URGENCIES.length)
  @IsIn(URGENCIES, { each: true })
  urgencies?: Urgency[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.code)
  currentStageCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'Raised at or after this instant.' })
  @IsOptional()
  @IsDate()
  raisedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Raised before this instant (the period is half-open).' })
  @IsOptional()
  @IsDate()
  raisedTo?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Only escalations with at least one overdue timescale.' })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only escalations about the child with this case reference (matched by its keyed hash).' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.childReference)
  childReference?: string | null;
}
