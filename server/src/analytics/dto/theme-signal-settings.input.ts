import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { RECORD_ID_PATTERN } from '../../common/validation/is-record-id.js';
import { THEME_MIN_COUNT, THEME_WINDOW_DAYS } from './analytics.args.js';

@InputType({ description: "A partnership's theme-signal thresholds: N escalations of one category and receiving agency within W days." })
export class ThemeSignalSettingsInput {
  @Field(() => ID)
  @Matches(RECORD_ID_PATTERN, { message: 'partnershipId must be a record id' })
  partnershipId: string;

  @Field(() => Int, { description: `N, from ${THEME_MIN_COUNT.min} to ${THEME_MIN_COUNT.max}.` })
  @IsInt()
  @Min(THEME_MIN_COUNT.min, { message: `minCount must be at least ${THEME_MIN_COUNT.min}` })
  @Max(THEME_MIN_COUNT.max, { message: `minCount must be at most ${THEME_MIN_COUNT.max}` })
  minCount: number;

  @Field(() => Int, { description: `W in days, from ${THEME_WINDOW_DAYS.min} to ${THEME_WINDOW_DAYS.max}.` })
  @IsInt()
  @Min(THEME_WINDOW_DAYS.min, { message: `windowDays must be at least ${THEME_WINDOW_DAYS.min}` })
  @Max(THEME_WINDOW_DAYS.max, { message: `windowDays must be at most ${THEME_WINDOW_DAYS.max}` })
  windowDays: number;
}
