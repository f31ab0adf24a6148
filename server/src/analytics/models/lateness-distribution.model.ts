import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from './analytics-count.model.js';
import { ReportUnitEnum, type ReportUnit } from './breach-statistics.model.js';

@ObjectType({
  description:
    "One bucket of a rule's lateness histogram: late outcomes with lateness > above and ≤ upTo, in the rule's unit " +
    '(a lateness rounded up to a whole unit falls in the bucket its label names).',
})
export class LatenessBucket {
  @Field({ description: 'e.g. "≤1", "4–5", ">20": the lateness rounded up to a whole unit.' })
  label: string;

  @Field(() => Number, { nullable: true, description: 'Exclusive lower end; null for the first bucket (which holds a lateness of 0).' })
  above: number | null;

  @Field(() => Number, { nullable: true, description: 'Inclusive upper end; null for the last bucket.' })
  upTo: number | null;

  @Field(() => AnalyticsCount, { description: 'Breached outcomes: how late the target was reached, or the escalation closed.' })
  breached: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: 'Overdue outcomes: how late so far (as last evaluated).' })
  overdue: AnalyticsCount;
}

@ObjectType({ description: "How late one rule's late outcomes were, as a histogram in the rule's unit (DESIGN.md §4.3)." })
export class RuleLateness {
  @Field()
  ruleCode: string;

  @Field()
  ruleName: string;

  @Field()
  stageCode: string;

  @Field()
  stageName: string;

  @Field(() => Int)
  tier: number;

  @Field(() => ReportUnitEnum)
  unit: ReportUnit;

  @Field(() => AnalyticsCount, { description: "The rule's breached outcomes: the sum of the buckets' (as in byRule)." })
  breached: AnalyticsCount;

  @Field(() => AnalyticsCount, { description: "The rule's overdue outcomes: the sum of the buckets' (as in byRule)." })
  overdue: AnalyticsCount;

  @Field(() => [LatenessBucket], { description: 'Every bucket of the unit, from least late to most, zeros included.' })
  buckets: LatenessBucket[];
}
