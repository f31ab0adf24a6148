import type { RuleSource, TimescaleUnit, Urgency } from '@escalation-insights/shared';
import { Field, Float, ObjectType } from '@nestjs/graphql';
import { RuleSourceEnum, TimescaleUnitEnum, UrgencyEnum } from '../../graphql/domain-enums.js';

@ObjectType({ description: 'A timescale: from an anchor event to a target event within a limit.' })
export class TimescaleRule {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field({ description: 'The stage the rule is reported under.' })
  stageCode: string;

  @Field(() => TimescaleUnitEnum)
  limitUnit: TimescaleUnit;

  @Field(() => Float)
  limitAmount: number;

  @Field(() => [UrgencyEnum], { nullable: true, description: 'Only escalations of these urgencies; null means all.' })
  urgencies: Urgency[] | null;

  @Field(() => RuleSourceEnum)
  source: RuleSource;

  @Field()
  rationale: string;

  @Field(() => String, { nullable: true, description: 'Applies only when this rule of the same protocol was not met.' })
  appliesWhenRuleNotMet: string | null;
}
