import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AuditEvent } from './audit-event.model.js';

@ObjectType({ description: 'One page of the audit trail, newest first.' })
export class AuditTrailPage {
  @Field(() => [AuditEvent])
  events: AuditEvent[];

  @Field(() => Int, { description: 'Events matching the filter, over all pages.' })
  totalCount: number;

  @Field({ description: 'Whether older events follow: ask again with after = endCursor.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last event on this page; null when the page is empty.' })
  endCursor: string | null;
}
