import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { CorrectionInput } from './correction-reason.input.js';
import { TEXT_LIMITS } from './text-limits.js';

@InputType({
  description: 'Puts right one stage entry. A new enteredAt also moves the exit of the stage before, when that was the same ' +
    'instant (a move up the ladder leaves one stage as it enters the next). The whole journey is checked again.',
})
export class CorrectStageEntryInput extends CorrectionInput {
  @Field(() => ID)
  @IsRecordId()
  stageEntryId: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  enteredAt?: Date | null;

  @Field(() => [String], { nullable: true })
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
