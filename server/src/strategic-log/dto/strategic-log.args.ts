import { STRATEGIC_LOG_STATUSES, type StrategicLogStatus } from '@escalation-insights/shared';
import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { StrategicLogStatusEnum } from '../models/strategic-log-status.enum.js';

export const MAX_LOG_PAGE_SIZE = 100;

@ArgsType()
export class StrategicLogArgs {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => [StrategicLogStatusEnum], { nullable: true, description: 'Only entries in one of these statuses (default: all).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STRATEGIC_LOG_STATUSES.length)
  @IsIn(STRATEGIC_LOG_STATUSES, { each: true })
  statuses?: StrategicLogStatus[] | null;

  @Field({ defaultValue: false, description: 'Only entries past their review date and not closed.' })
  @IsBoolean()
  overdueOnly: boolean;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset: number;

  @Field(() => Int, { defaultValue: 25, description: `At most ${MAX_LOG_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_LOG_PAGE_SIZE)
  limit: number;
}

@ArgsType()
export class StrategicLogEntryArgs {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => ID)
  @IsRecordId()
  id: string;
}

@ArgsType()
export class OverdueLogEntriesArgs {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => Int, { defaultValue: 10, description: 'Most entries listed, longest overdue first; the count is complete.' })
  @IsInt()
  @Min(0)
  @Max(MAX_LOG_PAGE_SIZE)
  limit: number;
}
