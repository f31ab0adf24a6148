import { LEARNING_ACTION_STATUSES, type LearningActionStatus } from '@escalation-insights/shared';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { LearningActionStatusEnum } from '../learning-enums.js';
import { LEARNING_TEXT_LIMITS } from '../text-limits.js';
import { IsLocalDate } from './is-local-date.js';
import { OptionalLine, OptionalText } from './learning-text.js';

@InputType({
  description:
    'Changes an action. Only the fields given change. Status moves: NOT_STARTED ⇄ IN_PROGRESS, either to DONE (with completedOn) ' +
    'or CANCELLED, DONE back to IN_PROGRESS, CANCELLED back to NOT_STARTED or IN_PROGRESS.',
})
export class UpdateLearningActionInput {
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

  @OptionalLine(LEARNING_TEXT_LIMITS.text)
  description?: string | null;

  @OptionalLine(LEARNING_TEXT_LIMITS.owner)
  owner?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsLocalDate()
  dueOn?: string | null;

  @Field(() => LearningActionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(LEARNING_ACTION_STATUSES)
  status?: LearningActionStatus | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, today or earlier; only for a DONE action.' })
  @IsOptional()
  @IsLocalDate()
  completedOn?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text, 'What shows the action made a difference.')
  evidenceOfImpact?: string | null;
}
