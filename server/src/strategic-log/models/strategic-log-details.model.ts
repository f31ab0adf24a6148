import type { EscalationStatus, StrategicLogStatus } from '@escalation-insights/shared';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from '../../analytics/models/analytics-count.model.js';
import { EscalationStatusEnum } from '../../graphql/domain-enums.js';
import { StrategicLogStatusEnum } from './strategic-log-status.enum.js';

@ObjectType({ description: 'A status change of an entry: who, when, from what to what, and why.' })
export class StrategicLogStatusChange {
  @Field(() => ID)
  id: string;

  @Field(() => StrategicLogStatusEnum, { nullable: true, description: 'Null for the first status, when the entry was added.' })
  fromStatus: StrategicLogStatus | null;

  @Field(() => StrategicLogStatusEnum)
  toStatus: StrategicLogStatus;

  @Field()
  note: string;

  @Field(() => String, { nullable: true, description: "The changer's display name; null when not known." })
  changedBy: string | null;

  @Field(() => Date)
  changedAt: Date;
}

@ObjectType({ description: 'An escalation of an entry (record-level detail).' })
export class StrategicLogEscalation {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field(() => Date)
  raisedAt: Date;

  @Field(() => EscalationStatusEnum)
  status: EscalationStatus;

  @Field()
  categoryLabel: string;

  @Field()
  receivingAgencyName: string;

  @Field({ description: 'Whether it is linked to the entry.' })
  linked: boolean;
}

@ObjectType({ description: 'Escalations of the theme raised in one calendar month (Europe/London).' })
export class ThemeMonth {
  @Field({ description: 'First day of the month (YYYY-MM-DD).' })
  month: string;

  @Field({ description: 'Whether only part of the month is counted (the month the entry was added, or the current month).' })
  partial: boolean;

  @Field(() => AnalyticsCount)
  escalations: AnalyticsCount;
}

@ObjectType({
  description:
    "The entry's theme kept live: escalations of its category and receiving agency raised since the day it was added " +
    '(out-of-scope ones left out), by month, so the executive sees whether the problem persists.',
})
export class StrategicLogThemeFigures {
  @Field({ description: 'Counted from this day (the day the entry was added), included.' })
  since: string;

  @Field({ description: 'Up to this day (today), included.' })
  through: string;

  @Field(() => AnalyticsCount, { description: 'Escalations of the theme raised since the entry was added: the sum of the months.' })
  raisedSinceAdded: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Escalations linked to the entry, whenever raised.' })
  linked: AnalyticsCount;

  @Field(() => [ThemeMonth], { description: 'From the month it was added to this month.' })
  months: ThemeMonth[];
}
