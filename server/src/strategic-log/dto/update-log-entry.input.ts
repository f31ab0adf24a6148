import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { LogEntryChangeInput } from './log-entry-change.input.js';
import { IsLocalDate, LOG_TEXT_LIMITS } from './log-entry-fields.js';

@InputType({
  description:
    'The business unit keeping an entry up to date. A field left out (or null, for title) stays as it is; reviewDate null ' +
    'clears the review date. completedOn corrects the completion date of an actioned or closed entry.',
})
export class UpdateLogEntryInput extends LogEntryChangeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(LOG_TEXT_LIMITS.title)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LOG_TEXT_LIMITS.description)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LOG_TEXT_LIMITS.owner)
  owner?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before the entry was added; null clears it.' })
  @IsOptional()
  @IsLocalDate()
  reviewDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, from the day it was added to today; only while actioned or closed.' })
  @IsOptional()
  @IsLocalDate()
  completedOn?: string | null;
}
