import { REMINDER_KINDS, type ReminderKind } from '@escalation-insights/shared';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { vocabularyEnum } from '../../graphql/vocabulary-enum.js';

export const ReminderStateEnum = vocabularyEnum(
  REMINDER_KINDS,
  'ReminderState',
  'APPROACHING: due within the next working day. PASSED: the deadline has gone by and the target is not reached.',
);

@ObjectType({ description: 'A timescale deadline of an escalation that is approaching or has passed with its clock still running.' })
export class Reminder {
  @Field(() => ID)
  escalationId: string;

  @Field()
  reference: string;

  @Field()
  ruleCode: string;

  @Field()
  ruleName: string;

  @Field({ description: 'The stage of the ladder the rule is reported under.' })
  stageCode: string;

  @Field()
  deadline: Date;

  @Field(() => ReminderStateEnum)
  state: ReminderKind;
}

@ObjectType({ description: "The signed-in user's reminders, ordered by deadline." })
export class MyReminders {
  @Field({ description: 'The moment the reminders were worked out for.' })
  asOf: Date;

  @Field({ description: 'Deadlines up to this moment count as approaching: the same clock time on the next working day.' })
  approachingUntil: Date;

  @Field(() => [Reminder])
  items: Reminder[];

  @Field({ description: 'True when there were more than the items listed (the earliest deadlines are listed).' })
  truncated: boolean;
}
