import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A period of raising: local dates (Europe/London), from included, to excluded.' })
export class AnalyticsPeriod {
  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => Int)
  days: number;
}
