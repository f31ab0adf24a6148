import { LEARNING_ACTION_STATUSES, type LearningActionStatus } from '@escalation-insights/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { LearningActionStatusEnum } from '../learning-enums.js';
import { LEARNING_TEXT_LIMITS } from '../text-limits.js';
import { IsLocalDate } from './is-local-date.js';
import { OptionalText } from './learning-text.js';

@InputType({ description: 'A new action on a learning item that is open or in progress.' })
export class AddLearningActionInput {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => ID)
  @IsRecordId()
  learningItemId: string;

  @Field()
  @IsString()
  @IsNotBlank()
  @MaxLength(LEARNING_TEXT_LIMITS.text)
  description: string;

  @Field({ description: 'Who is to do it: a person, post or team.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(LEARNING_TEXT_LIMITS.owner)
  owner: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsLocalDate()
  dueOn?: string | null;

  @Field(() => LearningActionStatusEnum, { nullable: true, description: 'Default NOT_STARTED.' })
  @IsOptional()
  @IsIn(LEARNING_ACTION_STATUSES)
  status?: LearningActionStatus | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; required when the status is DONE, and only then.' })
  @IsOptional()
  @IsLocalDate()
  completedOn?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text)
  evidenceOfImpact?: string | null;
}
