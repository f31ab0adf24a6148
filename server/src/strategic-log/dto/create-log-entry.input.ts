import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { IsRecordId, RECORD_ID_PATTERN } from '../../common/validation/is-record-id.js';
import { IsLocalDate, LOG_TEXT_LIMITS } from './log-entry-fields.js';

/** What a new entry says, however it is raised. */
@InputType({ isAbstract: true })
export abstract class LogEntryDetailsInput {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LOG_TEXT_LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Who answers for the entry, e.g. "Partnership business manager".' })
  @IsOptional()
  @IsString()
  @MaxLength(LOG_TEXT_LIMITS.owner)
  owner?: string | null;

  @Field(() => String, { nullable: true, description: 'When the executive looks at it again (YYYY-MM-DD); default 90 days after it is added.' })
  @IsOptional()
  @IsLocalDate()
  reviewDate?: string | null;
}

@InputType({ description: 'A strategic-log entry written by hand, with the escalations it is about, if any.' })
export class CreateLogEntryInput extends LogEntryDetailsInput {
  @Field()
  @IsString()
  @IsNotBlank()
  @MaxLength(LOG_TEXT_LIMITS.title)
  title: string;

  @Field(() => String, { nullable: true, description: "The theme's category of disagreement (a code of the partnership's protocols), if it has one." })
  @IsOptional()
  @IsString()
  @MaxLength(LOG_TEXT_LIMITS.code)
  categoryCode?: string | null;

  @Field(() => ID, { nullable: true, description: "The theme's receiving agency, if it has one." })
  @IsOptional()
  @IsRecordId()
  receivingAgencyId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Escalations to link to the entry.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LOG_TEXT_LIMITS.escalations)
  @Matches(RECORD_ID_PATTERN, { each: true, message: 'escalationIds must hold record ids: positive whole numbers written in digits' })
  escalationIds?: string[] | null;
}
