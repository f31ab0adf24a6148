import type { AgencySector } from '@escalation-insights/shared';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AgencySectorEnum } from '../../graphql/domain-enums.js';

@ObjectType({ description: 'An organisation in a partnership that raises or receives escalations.' })
export class Agency {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => AgencySectorEnum)
  sector: AgencySector;

  @Field()
  isActive: boolean;
}
