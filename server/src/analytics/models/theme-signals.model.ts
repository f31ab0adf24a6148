import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from './analytics-count.model.js';
import { CohortSummary } from './cohort-summary.model.js';

@ObjectType({ description: 'The thresholds a signal was found with.' })
export class ThemeSignalSetting {
  @Field(() => ID)
  partnershipId: string;

  @Field(() => Int, { description: 'N: escalations needed within one window.' })
  minCount: number;

  @Field(() => Int, { description: 'W: the window, in days of 24 hours.' })
  windowDays: number;

  @Field({ description: "Whether N and W are the partnership's own settings (false: overridden by the query)." })
  fromPartnership: boolean;
}

@ObjectType({ description: 'Qualifying windows that overlap, merged: [start, end).' })
export class SignalWindow {
  @Field(() => Date, { description: "The first qualifying window's start: an escalation's raising." })
  start: Date;

  @Field(() => Date, { description: "The last qualifying window's end (start + W days), excluded." })
  end: Date;

  @Field(() => AnalyticsCount, { description: "The signal's escalations raised in [start, end)." })
  escalations: AnalyticsCount;
}

@ObjectType()
export class SignalEscalation {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field(() => Date)
  raisedAt: Date;
}

@ObjectType({
  description:
    'A recurring pattern (DESIGN.md §4.4): at least N escalations of one category and receiving agency raised within W ' +
    'days of each other, i.e. in some window [t, t + W days). Its escalations are all those of the pair lying in some ' +
    'qualifying window; out-of-scope escalations never count.',
})
export class ThemeSignal {
  @Field(() => ID)
  partnershipId: string;

  @Field()
  categoryCode: string;

  @Field()
  categoryLabel: string;

  @Field(() => ID)
  receivingAgencyId: string;

  @Field()
  receivingAgencyName: string;

  @Field(() => Int)
  minCount: number;

  @Field(() => Int)
  windowDays: number;

  @Field(() => AnalyticsCount, { description: "The signal's escalations." })
  escalationCount: AnalyticsCount;

  @Field(() => Date)
  firstRaisedAt: Date;

  @Field(() => Date)
  lastRaisedAt: Date;

  @Field(() => [SignalWindow], { description: 'The qualifying windows, merged where they overlap, by start.' })
  windows: SignalWindow[];

  @Field(() => [SignalEscalation], {
    description: 'The escalations by raising, at most `escalationLimit`; none when small numbers are suppressed (record-level data).',
  })
  escalations: SignalEscalation[];
}

@ObjectType({ description: 'Candidates for the strategic escalation log.' })
export class ThemeSignals {
  @Field(() => CohortSummary)
  cohort: CohortSummary;

  @Field(() => [ThemeSignalSetting], { description: 'N and W used for each partnership.' })
  settings: ThemeSignalSetting[];

  @Field(() => [ThemeSignal], { description: 'Most escalations first, then most recent.' })
  signals: ThemeSignal[];
}
