import { LEARNING_GAP_KINDS, type LearningGapKind } from '@escalation-insights/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { AreRecordIds } from './record-ids.js';
import { LearningGapKindEnum } from '../learning-enums.js';
import { LEARNING_TEXT_LIMITS } from '../text-limits.js';
import { OptionalLine, OptionalQuestions, OptionalText } from './learning-text.js';

@InputType({ description: 'A new learning item, drawn from one or more escalations of the partnership.' })
export class CreateLearningItemInput {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => [ID], { description: `The escalations that revealed the gap: at least one, at most ${LEARNING_TEXT_LIMITS.escalations}, all of the partnership.` })
  @IsArray()
  @ArrayMinSize(1, { message: 'escalationIds must name at least one escalation: learning is drawn from escalations' })
  @ArrayMaxSize(LEARNING_TEXT_LIMITS.escalations)
  @ArrayUnique({ message: 'escalationIds must not name an escalation twice' })
  @AreRecordIds()
  escalationIds: string[];

  @Field()
  @IsString()
  @IsNotBlank()
  @MaxLength(LEARNING_TEXT_LIMITS.title)
  title: string;

  @Field(() => LearningGapKindEnum)
  @IsIn(LEARNING_GAP_KINDS)
  gapKind: LearningGapKind;

  @OptionalText(LEARNING_TEXT_LIMITS.text)
  description?: string | null;

  @OptionalLine(LEARNING_TEXT_LIMITS.group, 'The group the learning is referred to.')
  referredToGroup?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text, 'Briefing: what happened.')
  background?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text, 'Briefing: why it matters for children.')
  whyItMatters?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text, 'Briefing: what was found.')
  findings?: string | null;

  @OptionalText(LEARNING_TEXT_LIMITS.text, 'Briefing: what to do.')
  whatToDo?: string | null;

  @OptionalQuestions()
  questions?: string[] | null;
}
