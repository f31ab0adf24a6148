import type { RuleSource, TimescaleOutcomeStatus, TimescaleUnit } from '@escalation-insights/shared';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { RuleSourceEnum, TimescaleOutcomeStatusEnum, TimescaleUnitEnum } from '../../graphql/domain-enums.js';

@ObjectType({ description: 'Whether the escalation kept one timescale rule of its protocol, as at evaluatedAt.' })
export class TimescaleOutcome {
  @Field()
  ruleCode: string;

  @Field()
  ruleName: string;

  @Field()
  stageCode: string;

  @Field(() => Int)
  tier: number;

  @Field(() => TimescaleUnitEnum)
  limitUnit: TimescaleUnit;

  @Field(() => Float)
  limitAmount: number;

  @Field(() => RuleSourceEnum)
  source: RuleSource;

  @Field(() => TimescaleOutcomeStatusEnum)
  status: TimescaleOutcomeStatus;

  @Field(() => Date, { nullable: true, description: 'When the clock started; null when it has not.' })
  anchorAt: Date | null;

  @Field(() => Date, { nullable: true })
  deadline: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the target was reached.' })
  targetAt: Date | null;

  @Field(() => Float, { nullable: true, description: 'Time taken so far, in the rule\'s unit (hours, working or calendar days).' })
  elapsed: number | null;

  @Field(() => Float, { nullable: true, description: 'How late, in the rule\'s unit; only when breached or overdue.' })
  lateness: number | null;

  @Field()
  evaluatedAt: Date;
}
