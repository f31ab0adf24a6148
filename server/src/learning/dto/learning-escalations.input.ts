import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { AreRecordIds } from './record-ids.js';
import { LEARNING_TEXT_LIMITS } from '../text-limits.js';

@InputType({ description: 'Escalations to link to, or unlink from, a learning item.' })
export class LearningEscalationsInput {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => ID)
  @IsRecordId()
  learningItemId: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1, { message: 'escalationIds must name at least one escalation' })
  @ArrayMaxSize(LEARNING_TEXT_LIMITS.escalations)
  @ArrayUnique({ message: 'escalationIds must not name an escalation twice' })
  @AreRecordIds()
  escalationIds: string[];
}
