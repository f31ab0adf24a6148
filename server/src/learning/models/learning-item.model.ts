import type { LearningGapKind, LearningItemStatus } from '@escalation-insights/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from '../../analytics/models/analytics-count.model.js';
import { LearningGapKindEnum, LearningItemStatusEnum } from '../learning-enums.js';

/**
 * A gap in practice, policy or procedure that escalations revealed. Its escalations,
 * actions, theme and "has it worked?" comparison are resolved by field resolvers; the
 * briefing fields are what the one-page "7-minute briefing" is made of.
 */
@ObjectType({ description: 'A gap in practice, policy or procedure revealed by escalations, referred to a group, with actions.' })
export class LearningItem {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnershipId: string;

  @Field()
  title: string;

  @Field(() => LearningGapKindEnum)
  gapKind: LearningGapKind;

  @Field()
  description: string;

  @Field({ description: 'The group the learning was referred to, e.g. a practice improvement working group.' })
  referredToGroup: string;

  @Field(() => LearningItemStatusEnum)
  status: LearningItemStatus;

  @Field({ description: 'Briefing: what happened.' })
  background: string;

  @Field({ description: 'Briefing: why it matters for children.' })
  whyItMatters: string;

  @Field({ description: 'Briefing: what was found.' })
  findings: string;

  @Field({ description: 'Briefing: what practitioners and managers should do.' })
  whatToDo: string;

  @Field(() => [String], { description: 'Briefing: questions for teams to consider.' })
  questions: string[];

  @Field(() => String, { nullable: true, description: 'The date its actions were finished (YYYY-MM-DD); kept when it is later closed.' })
  completedOn: string | null;

  @Field(() => AnalyticsCount, {
    description: 'How many escalations it was drawn from: exact for record-level roles, "<5" for others when from 1 to 4.',
  })
  escalationCount: AnalyticsCount;

  @Field(() => Int, { description: 'Actions not yet done or cancelled.' })
  openActionCount: number;

  @Field(() => Int, { description: "Open actions whose due date has passed (in the partnership's today, Europe/London)." })
  overdueActionCount: number;

  @Field(() => Int, { description: 'Goes up by one with every change to the item itself; send it back as expectedVersion.' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
