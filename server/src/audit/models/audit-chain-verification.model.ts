import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "The result of re-checking a partnership's audit trail against its hash chain." })
export class AuditChainVerification {
  @Field(() => ID, { nullable: true, description: 'The partnership whose chain was checked; null for the chain outside any partnership.' })
  partnershipId: string | null;

  @Field({ description: 'True when every event matches its hash and follows the one before it.' })
  valid: boolean;

  @Field(() => Int, { description: 'Events checked, up to and including the first invalid one.' })
  eventsChecked: number;

  @Field(() => ID, { nullable: true, description: 'The first event that fails the check; null when the chain is valid.' })
  firstInvalidEventId: string | null;

  @Field(() => String, { nullable: true, description: 'Why that event fails.' })
  problem: string | null;
}
