import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A count as shown. When small numbers are suppressed, a count from 1 to 4 (or one hidden so that it cannot be ' +
    'worked out by subtraction) has value null and display "<5"; shares derived from it are null too.',
})
export class AnalyticsCount {
  @Field(() => Int, { nullable: true, description: 'The count; null when suppressed.' })
  value: number | null;

  @Field({ description: 'What to show: the count with thousands separators, or "<5".' })
  display: string;

  @Field()
  suppressed: boolean;
}
