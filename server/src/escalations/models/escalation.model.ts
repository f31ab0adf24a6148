import type { EscalationStatus, RaisedVia, Urgency } from '@escalation-insights/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EscalationStatusEnum, RaisedViaEnum, UrgencyEnum } from '../../graphql/domain-enums.js';

/**
 * An escalation as the API shows it. The timeline (stages, milestones, outcomes,
 * corrections), the agencies, category, protocol and related escalations are resolved
 * in batches by field resolvers. The child key is never part of it.
 */
@ObjectType({ description: 'One professional disagreement about one child (or sibling group), on its protocol\'s ladder.' })
export class Escalation {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnershipId: string;

  @Field({ description: 'The partnership\'s own reference, unique within the partnership.' })
  reference: string;

  @Field(() => ID, { description: 'The protocol version the escalation follows: the one active when it was recorded.' })
  protocolId: string;

  @Field()
  raisedAt: Date;

  @Field(() => ID)
  raisingAgencyId: string;

  @Field()
  raisingRole: string;

  @Field(() => ID)
  receivingAgencyId: string;

  @Field({ description: 'The area of disagreement, from the protocol\'s list.' })
  categoryCode: string;

  @Field(() => UrgencyEnum)
  urgency: Urgency;

  @Field(() => RaisedViaEnum)
  raisedVia: RaisedVia;

  @Field()
  summary: string;

  @Field(() => EscalationStatusEnum)
  status: EscalationStatus;

  @Field(() => String, { nullable: true, description: 'What was agreed, or why it was withdrawn or out of scope.' })
  outcome: string | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field({ description: 'The stage the escalation is in, or was in when it closed.' })
  currentStageCode: string;

  @Field(() => Int)
  highestTier: number;

  @Field(() => Int, { description: 'Ladder position of the highest stage reached.' })
  highestStageOrder: number;

  @Field(() => Int, { nullable: true, description: 'The tier at which it was resolved; null unless resolved.' })
  resolvedTier: number | null;

  @Field(() => Boolean, { nullable: true })
  writtenConfirmationGiven: boolean | null;

  @Field(() => Boolean, { nullable: true })
  feedbackGiven: boolean | null;

  @Field({ description: 'Whether a child case reference was given (only its keyed hash is kept, never the reference).' })
  hasChildReference: boolean;

  @Field(() => Int, { description: 'Goes up by one with every change; send it back as expectedVersion.' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the partnership's retention period ended for this escalation and its record-level detail (summary, child key, outcome text, participants, notes, correction reasons) was cleared; null while it is kept.",
  })
  retentionAppliedAt: Date | null;
}
