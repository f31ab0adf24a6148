import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LearningItem } from './learning-item.model.js';

@ObjectType({ description: 'One page of learning items matching a filter.' })
export class LearningItemPage {
  @Field(() => [LearningItem])
  items: LearningItem[];

  @Field(() => Int, { description: 'How many learning items match the filter, over all pages.' })
  totalCount: number;

  @Field(() => Int)
  offset: number;

  @Field(() => Int)
  limit: number;
}
