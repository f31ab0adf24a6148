import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One event of the append-only audit trail: who did what to which record, when and from where.' })
export class AuditEvent {
  @Field(() => ID, { description: "The event's place in its chain (ids rise along a chain)." })
  id: string;

  @Field(() => ID, { nullable: true, description: "The partnership whose chain it belongs to; null for events outside any partnership." })
  partnershipId: string | null;

  @Field()
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'The user who acted; null for anonymous requests and system work.' })
  actorUserId: string | null;

  @Field({ description: 'Who acted, as written at the time: the email of the user, "anonymous" or "system".' })
  actorLabel: string;

  @Field({ description: '<record>.<verb>, e.g. escalation.recorded, escalation.timeline_viewed, user.signed_in.' })
  action: string;

  @Field({ description: 'The kind of record acted on, e.g. escalation, app_user.' })
  entityType: string;

  @Field(() => String, { nullable: true })
  entityId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Before and after values of what changed, as JSON ({"before": {…}, "after": {…}}, keys sorted); null when withheld from the viewer.',
  })
  changes: string | null;

  @Field({
    description:
      'True when the changes are withheld: administrators see no record-level detail, so the changes of events about records are not shown to them.',
  })
  changesWithheld: boolean;

  @Field(() => String, { nullable: true })
  requestIp: string | null;

  @Field(() => String, { nullable: true, description: 'Correlates the events of one request.' })
  requestId: string | null;

  @Field({ description: 'SHA-256 (hex) over the previous hash and the event (see verifyAuditChain).' })
  hash: string;

  @Field(() => String, { nullable: true, description: 'The hash of the event before it in the same chain; null for the first.' })
  previousHash: string | null;
}
