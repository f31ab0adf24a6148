import type { StrategicLogStatus } from '@escalation-insights/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from '../../analytics/models/analytics-count.model.js';
import { StrategicLogStatusEnum } from './strategic-log-status.enum.js';

@ObjectType({ description: 'What an entry is about: a category of disagreement and a receiving agency (either may be absent).' })
export class StrategicLogTheme {
  @Field(() => String, { nullable: true })
  categoryCode: string | null;

  @Field(() => String, { nullable: true, description: "The category's label in the partnership's protocols." })
  categoryLabel: string | null;

  @Field(() => ID, { nullable: true })
  receivingAgencyId: string | null;

  @Field(() => String, { nullable: true })
  receivingAgencyName: string | null;
}

@ObjectType({
  description:
    'A theme raised to the partnership executive (DESIGN.md §2): kept by the business unit, answered by the executive, ' +
    'read by improvement groups and scrutineers.',
})
export class StrategicLogEntry {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnershipId: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => StrategicLogTheme, { nullable: true, description: 'Null for an entry written by hand without a theme.' })
  theme: StrategicLogTheme | null;

  @Field({ description: 'The day it was added to the log (YYYY-MM-DD).' })
  addedOn: string;

  @Field()
  owner: string;

  @Field()
  executiveResponse: string;

  @Field(() => StrategicLogStatusEnum)
  status: StrategicLogStatus;

  @Field(() => String, { nullable: true, description: 'When it is next looked at (YYYY-MM-DD).' })
  reviewDate: string | null;

  @Field({ description: 'Past its review date and not closed: the review date is before today (Europe/London).' })
  isOverdue: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When its action was completed (YYYY-MM-DD): set on the first move to ACTIONED or CLOSED, cleared on reopening.',
  })
  completedOn: string | null;

  @Field(() => Int, { description: 'Bumped by every change; send it back as expectedVersion.' })
  version: number;

  @Field(() => String, { nullable: true, description: 'Who added it (display name); null when not known.' })
  createdBy: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => AnalyticsCount, { description: 'How many escalations are linked to it (counts 1–4 suppressed for roles without record-level access).' })
  linkedEscalationCount: AnalyticsCount;
}

@ObjectType({ description: 'One page of the strategic log, newest first.' })
export class StrategicLogPage {
  @Field(() => [StrategicLogEntry])
  items: StrategicLogEntry[];

  @Field(() => Int, { description: 'How many entries match, over all pages.' })
  totalCount: number;

  @Field(() => Int)
  offset: number;

  @Field(() => Int)
  limit: number;
}

@ObjectType({ description: 'Entries not closed whose review date has passed: the overview flags them.' })
export class OverdueLogEntries {
  @Field(() => Int, { description: 'How many (entries are about themes, not children: never suppressed).' })
  count: number;

  @Field({ description: 'Today (YYYY-MM-DD, Europe/London), the day they are judged on.' })
  asOf: string;

  @Field(() => [StrategicLogEntry], { description: 'Longest overdue first, at most `limit`.' })
  entries: StrategicLogEntry[];
}
