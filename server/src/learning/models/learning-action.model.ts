import type { LearningActionStatus } from '@escalation-insights/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LearningActionStatusEnum } from '../learning-enums.js';

@ObjectType({ description: 'Something to be done about a learning item: who owns it, by when, and what changed because of it.' })
export class LearningAction {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnershipId: string;

  @Field(() => ID)
  learningItemId: string;

  @Field()
  description: string;

  @Field({ description: 'Who is to do it: a person, post or team.' })
  owner: string;

  @Field(() => String, { nullable: true, description: 'The date it is due by (YYYY-MM-DD).' })
  dueOn: string | null;

  @Field(() => LearningActionStatusEnum)
  status: LearningActionStatus;

  @Field({ description: 'What shows the action made a difference (an audit, a dip sample, a changed procedure).' })
  evidenceOfImpact: string;

  @Field(() => String, { nullable: true, description: 'The date it was done (YYYY-MM-DD); set exactly when the status is DONE.' })
  completedOn: string | null;

  @Field({ description: "Whether the due date has passed (in the partnership's today, Europe/London) and the action is neither done nor cancelled." })
  isOverdue: boolean;

  @Field(() => Int, { description: 'Goes up by one with every change; send it back as expectedVersion.' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
