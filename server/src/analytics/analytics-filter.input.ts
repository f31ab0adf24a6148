import { URGENCIES, type Urgency } from '@escalation-insights/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { RECORD_ID_PATTERN } from '../common/validation/is-record-id.js';
import { UrgencyEnum } from '../graphql/domain-enums.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORY_CODE = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const MAX_LIST = 200;
const EACH_ID = { each: true, message: '$property must hold record ids: positive whole numbers written in digits' } as const;

/**
 * The filter every statistic takes (DESIGN.md §4). The cohort is the escalations raised
 * in [from, to) — local dates at Europe/London midnight — that match every list given,
 * less those marked out of scope (counted on their own). An omitted or empty list does
 * not filter.
 */
@InputType('AnalyticsFilter', { description: 'Which escalations a statistic covers: raised in [from, to) and matching every list given.' })
export class AnalyticsFilterInput {
  @Field({ description: 'First day of the period of raising (YYYY-MM-DD, Europe/London), included.' })
  @Matches(LOCAL_DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from: string;

  @Field({ description: 'The day after the period (YYYY-MM-DD, Europe/London), excluded: [from, to).' })
  @Matches(LOCAL_DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to: string;

  @Field(() => [ID], { nullable: true, description: 'Only these partnerships (default: every partnership).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @Matches(RECORD_ID_PATTERN, EACH_ID)
  partnershipIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only escalations raised by one of these agencies.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @Matches(RECORD_ID_PATTERN, EACH_ID)
  raisingAgencyIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only escalations received by one of these agencies.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @Matches(RECORD_ID_PATTERN, EACH_ID)
  receivingAgencyIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only escalations in one of these categories of disagreement (codes).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @Matches(CATEGORY_CODE, { each: true, message: 'categoryCodes must hold category codes such as threshold_disagreement' })
  categoryCodes?: string[] | null;

  @Field(() => [UrgencyEnum], { nullable: true, description: 'Only escalations of one of these urgencies.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(URGENCIES.length)
  @IsIn(URGENCIES, { each: true })
  urgencies?: Urgency[] | null;
}
