import { STRATEGIC_LOG_STATUSES, type StrategicLogStatus } from '@escalation-insights/shared';
import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { StrategicLogStatusEnum } from '../models/strategic-log-status.enum.js';
import { LogEntryChangeInput } from './log-entry-change.input.js';
import { LOG_TEXT_LIMITS } from './log-entry-fields.js';

@InputType({ description: 'A status change of an entry, with a note for its history.' })
export class ChangeLogEntryStatusInput extends LogEntryChangeInput {
  @Field(() => StrategicLogStatusEnum)
  @IsIn(STRATEGIC_LOG_STATUSES)
  status: StrategicLogStatus;

  @Field(() => String, { nullable: true, description: 'Why, for the status history.' })
  @IsOptional()
  @IsString()
  @MaxLength(LOG_TEXT_LIMITS.note)
  note?: string | null;
}

@InputType({ description: "The executive's answer to an entry: its response, a status change, or both (at least one)." })
export class RespondToLogEntryInput extends LogEntryChangeInput {
  @Field(() => String, { nullable: true, description: "The executive's response, replacing the one recorded." })
  @IsOptional()
  @IsString()
  @MaxLength(LOG_TEXT_LIMITS.executiveResponse)
  executiveResponse?: string | null;

  @Field(() => StrategicLogStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(STRATEGIC_LOG_STATUSES)
  status?: StrategicLogStatus | null;

  @Field(() => String, { nullable: true, description: 'Why the status changed, for the status history.' })
  @IsOptional()
  @IsString()
  @MaxLength(LOG_TEXT_LIMITS.note)
  note?: string | null;
}
