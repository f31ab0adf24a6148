import type { Urgency } from '@escalation-insights/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UrgencyEnum } from '../../graphql/domain-enums.js';

/** One version of a partnership's protocol. `stages`, `categories` and `rules` are resolved in batches. */
@ObjectType({ description: "One version of a partnership's Resolution and Escalation Protocol." })
export class Protocol {
  @Field(() => ID)
  id: string;

  /** Not in the schema: the tenant half of the key, for loading the protocol's parts. */
  partnershipId: string;

  @Field()
  code: string;

  @Field(() => Int)
  version: number;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'The shipped template this protocol was copied from.' })
  templateCode: string | null;

  @Field(() => String, { nullable: true })
  sourceDocument: string | null;

  @Field(() => String, { nullable: true })
  sourceVersion: string | null;

  @Field()
  summary: string;

  @Field({ description: 'Whether the protocol advises against raising disagreements by email.' })
  discouragesEmail: boolean;

  @Field()
  isActive: boolean;

  @Field(() => [UrgencyEnum], { description: 'Urgencies that may skip a stage on the way up.' })
  skipAllowedFor: Urgency[];

  @Field(() => [String], { description: 'Matters the protocol says are handled elsewhere.' })
  outOfScope: string[];
}
