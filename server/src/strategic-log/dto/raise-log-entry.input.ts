import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { THEME_MIN_COUNT, THEME_WINDOW_DAYS } from '../../analytics/dto/analytics.args.js';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { LogEntryDetailsInput } from './create-log-entry.input.js';
import { IsLocalDate, LOG_TEXT_LIMITS } from './log-entry-fields.js';

@InputType({
  description:
    'A theme signal (DESIGN.md §4.4) put on the strategic log: the signal of one category and receiving agency, found over ' +
    'the period [from, to) with N and W (default: the partnership\'s settings), has its escalations linked to the new entry.',
})
export class RaiseLogEntryFromThemeSignalInput extends LogEntryDetailsInput {
  @Field()
  @IsString()
  @MaxLength(LOG_TEXT_LIMITS.code)
  categoryCode: string;

  @Field(() => ID)
  @IsRecordId()
  receivingAgencyId: string;

  @Field({ description: 'First day of the period the signal was found in (YYYY-MM-DD), included.' })
  @IsLocalDate()
  from: string;

  @Field({ description: 'The day after that period (YYYY-MM-DD), excluded.' })
  @IsLocalDate()
  to: string;

  @Field(() => Int, { nullable: true, description: "N: escalations needed in one window (default: the partnership's setting)." })
  @IsOptional()
  @IsInt()
  @Min(THEME_MIN_COUNT.min)
  @Max(THEME_MIN_COUNT.max)
  minCount?: number | null;

  @Field(() => Int, { nullable: true, description: "W: the window in days (default: the partnership's setting)." })
  @IsOptional()
  @IsInt()
  @Min(THEME_WINDOW_DAYS.min)
  @Max(THEME_WINDOW_DAYS.max)
  windowDays?: number | null;

  @Field(() => String, { nullable: true, description: 'Default: the category and the agency, e.g. "Threshold for services with Police".' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(LOG_TEXT_LIMITS.title)
  title?: string | null;
}
