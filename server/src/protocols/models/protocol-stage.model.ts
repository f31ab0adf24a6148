import type { RequirementKind } from '@escalation-insights/shared';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RequirementEnum } from '../../graphql/domain-enums.js';

@ObjectType({ description: "One rung of a protocol's ladder." })
export class ProtocolStage {
  @Field({ description: "The protocol's own label: 1, 2, 3a, exceptional, resolution…" })
  code: string;

  @Field()
  name: string;

  @Field(() => Int, { description: 'Position on the ladder, from 1.' })
  order: number;

  @Field(() => Int, { description: 'Normalised level from 1 (practice) to 5 (strategic), so ladders can be compared.' })
  tier: number;

  @Field()
  tierName: string;

  @Field(() => [String])
  roles: string[];

  @Field()
  description: string;

  @Field(() => [RequirementEnum])
  requirements: RequirementKind[];
}
