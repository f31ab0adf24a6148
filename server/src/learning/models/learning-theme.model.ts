import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An area of disagreement of the escalations behind a learning item.' })
export class LearningThemeCategory {
  @Field()
  code: string;

  @Field()
  label: string;
}

@ObjectType({ description: 'A receiving agency of the escalations behind a learning item.' })
export class LearningThemeAgency {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType({
  description:
    "A learning item's theme: the areas of disagreement and the receiving agencies of its escalations. " +
    '"Has it worked?" compares the escalations of this theme before and after the item was completed.',
})
export class LearningTheme {
  @Field(() => [LearningThemeCategory], { description: 'By label.' })
  categories: LearningThemeCategory[];

  @Field(() => [LearningThemeAgency], { description: 'By name.' })
  receivingAgencies: LearningThemeAgency[];
}
