import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, Min } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { IsLocalDate } from './is-local-date.js';

@InputType({ description: 'Completes a learning item whose actions are all done or cancelled.' })
export class CompleteLearningItemInput {
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

  @Field({ description: 'The date the work was finished (YYYY-MM-DD), today or earlier: "has it worked?" compares the theme around it.' })
  @IsLocalDate()
  completedOn: string;
}
