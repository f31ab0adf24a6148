import { LEARNING_GAP_KINDS, LEARNING_ITEM_STATUSES, type LearningGapKind, type LearningItemStatus } from '@escalation-insights/shared';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { LearningGapKindEnum, LearningItemStatusEnum } from '../learning-enums.js';
import { LEARNING_TEXT_LIMITS } from '../text-limits.js';
import { OptionalLine, OptionalQuestions, OptionalText } from './learning-text.js';

@InputType({
  description:
    'Changes a learning item. Only the fields given change. The status may move to IN_PROGRESS, OPEN or CLOSED ' +
    '(COMPLETED is reached with completeLearningItem); a closed item takes no other change until it is reopened.',
})
export class UpdateLearningItemInput {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => ID)
  @IsRecordId()
  id: string;

  @Field(() => Int, { description: 'The version last read; a stale edit is refused with VERSION_CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @OptionalLine(LEARNING_TEXT_LIMITS.title)
  title?: string | null;

  @Field(() => LearningGapKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(LEARNING_GAP_KINDS)
  gapKind?: LearningGapKind | null;

  @Field(() => LearningItemStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(LEARNING_ITEM_STATUSES)
  status?: LearningItemStatus | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text)
  description?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.group, 'The group the learning is referred to.')
  referredToGroup?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text)
  background?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text)
  whyItMatters?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text)
  findings?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text)
  whatToDo?: string | null;

  @OptionalQuestions()
  questions?: string[] | null;
}
