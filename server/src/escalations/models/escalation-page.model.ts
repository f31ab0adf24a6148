import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Escalation } from './escalation.model.js';

@ObjectType({ description: 'One page of escalations matching a filter.' })
export class EscalationPage {
  @Field(() => [Escalation])
  items: Escalation[];

  @Field(() => Int, { description: 'How many escalations match the filter, over all pages.' })
  totalCount: number;

  @Field(() => Int)
  offset: number;

  @Field(() => Int)
  limit: number;
}
