import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An area of disagreement from the protocol\'s list.' })
export class Category {
  @Field()
  code: string;

  @Field()
  label: string;
}
