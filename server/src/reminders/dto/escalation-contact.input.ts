import { Field, ID, InputType } from '@nestjs/graphql';
import { IsRecordId } from '../../common/validation/is-record-id.js';

@InputType({ description: 'A user of the partnership to name on (or unname from) one of its escalations.' })
export class EscalationContactInput {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => ID)
  @IsRecordId()
  escalationId: string;

  @Field(() => ID, { description: 'The user: one of escalationContactCandidates.' })
  @IsRecordId()
  userId: string;
}
