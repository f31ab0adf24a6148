import { RAISED_VIA, URGENCIES, type RaisedVia, type Urgency } from '@escalation-insights/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { RaisedViaEnum, UrgencyEnum } from '../../graphql/domain-enums.js';
import { CorrectionInput } from './correction-reason.input.js';
import { TEXT_LIMITS } from './text-limits.js';

@InputType({
  description: 'Puts right the escalation\'s own details. Only the fields given change; the whole journey is checked again. ' +
    'Moving raisedAt moves the first stage\'s entry with it when they were the same instant; moving closedAt moves the last stage\'s exit.',
})
export class CorrectEscalationInput extends CorrectionInput {
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  raisedAt?: Date | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsRecordId()
  raisingAgencyId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.role)
  raisingRole?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsRecordId()
  receivingAgencyId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.code)
  categoryCode?: string | null;

  @Field(() => UrgencyEnum, { nullable: true })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency | null;

  @Field(() => RaisedViaEnum, { nullable: true })
  @IsOptional()
  @IsIn(RAISED_VIA)
  raisedVia?: RaisedVia | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.summary)
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The right case reference (only its keyed hash is kept).' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.childReference)
  childReference?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only for a closed escalation.' })
  @IsOptional()
  @IsDate()
  closedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Only for a closed escalation.' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.outcome)
  outcome?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only for a resolved escalation.' })
  @IsOptional()
  @IsBoolean()
  writtenConfirmationGiven?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only for a resolved escalation.' })
  @IsOptional()
  @IsBoolean()
  feedbackGiven?: boolean | null;
}
