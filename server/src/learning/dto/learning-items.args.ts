import { LEARNING_GAP_KINDS, LEARNING_ITEM_STATUSES, type LearningGapKind, type LearningItemStatus } from '@escalation-insights/shared';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { LearningGapKindEnum, LearningItemStatusEnum } from '../learning-enums.js';

export const MAX_LEARNING_PAGE_SIZE = 100;
export const DEFAULT_LEARNING_PAGE_SIZE = 25;

@InputType({ description: 'Which learning items to list; every field given narrows the list.' })
export class LearningItemFilter {
  @Field(() => [LearningItemStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LEARNING_ITEM_STATUSES.length)
  @IsIn(LEARNING_ITEM_STATUSES, { each: true })
  statuses?: LearningItemStatus[] | null;

  @Field(() => [LearningGapKindEnum], { nullable: true, description: 'Any of these kinds of gap.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LEARNING_GAP_KINDS.length)
  @IsIn(LEARNING_GAP_KINDS, { each: true })
  gapKinds?: LearningGapKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only items with at least one overdue action.' })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean | null;
}

@ArgsType()
export class LearningItemsArgs {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => LearningItemFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LearningItemFilter)
  filter?: LearningItemFilter | null;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset: number;

  @Field(() => Int, { defaultValue: DEFAULT_LEARNING_PAGE_SIZE, description: `At most ${MAX_LEARNING_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_LEARNING_PAGE_SIZE)
  limit: number;
}
