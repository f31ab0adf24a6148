import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsRecordId } from '../../common/validation/is-record-id.js';

@ArgsType()
export class ContactCandidatesArgs {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;
}
