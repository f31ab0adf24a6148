import { RAISED_VIA, URGENCIES, type RaisedVia, type Urgency } from '@escalation-insights/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { RaisedViaEnum, UrgencyEnum } from '../../graphql/domain-enums.js';
import { TEXT_LIMITS } from './text-limits.js';

@InputType({ description: 'A new escalation. It follows the partnership\'s active protocol and starts at its first stage.' })
export class RecordEscalationInput {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => String, { nullable: true, description: 'The partnership\'s own reference; default ESC-<id>.' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.reference)
  reference?: string | null;

  @Field(() => ID)
  @IsRecordId()
  raisingAgencyId: string;

  @Field({ description: 'The role of the professional who raised it, e.g. "Social worker".' })
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.role)
  raisingRole: string;

  @Field(() => ID)
  @IsRecordId()
  receivingAgencyId: string;

  @Field({ description: 'A category code of the protocol.' })
  @IsString()
  @MaxLength(TEXT_LIMITS.code)
  categoryCode: string;

  @Field(() => UrgencyEnum)
  @IsIn(URGENCIES)
  urgency: Urgency;

  @Field(() => RaisedViaEnum)
  @IsIn(RAISED_VIA)
  raisedVia: RaisedVia;

  @Field()
  @IsString()
  @MaxLength(TEXT_LIMITS.summary)
  summary: string;

  @Field()
  @IsDate()
  raisedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The child\'s local case reference. Only a keyed hash is kept, to link escalations about the same child.',
  })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.childReference)
  childReference?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Start higher than the first stage (only for urgencies the protocol lets skip, e.g. immediate risk).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.code)
  startStageCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Who is involved at the first stage.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TEXT_LIMITS.participants)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.participant, { each: true })
  participants?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.notes)
  notes?: string | null;
}
