import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { Escalation } from '../escalations/models/escalation.model.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { ThemeImpact } from '../theme-impact/theme-impact.model.js';
import { LearningItemArgs } from './dto/learning-item.args.js';
import { LearningItemsArgs } from './dto/learning-items.args.js';
import { LearningItemsService } from './learning-items.service.js';
import { LearningRelationsService } from './learning-relations.service.js';
import { LearningAction } from './models/learning-action.model.js';
import { LearningItemPage } from './models/learning-item-page.model.js';
import { LearningItem } from './models/learning-item.model.js';
import { LearningTheme } from './models/learning-theme.model.js';

@Resolver(() => LearningItem)
export class LearningItemsResolver {
  constructor(
    private readonly items: LearningItemsService,
    private readonly relations: LearningRelationsService,
  ) {}

  @Query(() => LearningItemPage, { description: "A page of the partnership's learning items: open and in progress first, then completed, then closed; newest first." })
  @Access('Query.learningItems')
  learningItems(@Args() args: LearningItemsArgs): Promise<LearningItemPage> {
    return this.items.list(args);
  }

  @Query(() => LearningItem, { description: 'One learning item; an unknown id is an error with code LEARNING_ITEM_NOT_FOUND.' })
  @Access('Query.learningItem')
  learningItem(@Args() args: LearningItemArgs): Promise<LearningItem> {
    return this.items.get(args.partnershipId, args.id);
  }

  @ResolveField('escalations', () => [Escalation], { description: 'The escalations it was drawn from, oldest raised first (record-level roles only; others have escalationCount).' })
  @Access('LearningItem.escalations')
  escalations(@Parent() item: LearningItem, @Context('loaders') loaders: RequestLoaders): Promise<Escalation[]> {
    return this.relations.escalationsOf(item, loaders);
  }

  @ResolveField('actions', () => [LearningAction], { description: 'Its actions, soonest due first (undated last).' })
  @Access('LearningItem.actions')
  actions(@Parent() item: LearningItem, @Context('loaders') loaders: RequestLoaders): Promise<LearningAction[]> {
    return this.relations.actionsOf(item, loaders);
  }

  @ResolveField('theme', () => LearningTheme, { description: 'The areas of disagreement and receiving agencies of its escalations.' })
  @Access('LearningItem.theme')
  theme(@Parent() item: LearningItem, @Context('loaders') loaders: RequestLoaders): Promise<LearningTheme> {
    return this.relations.themeOf(item, loaders);
  }

  @ResolveField('hasItWorked', () => ThemeImpact, {
    nullable: true,
    description: "Has it worked? The theme's escalations per month before and after the completion date; null until the item is completed.",
  })
  @Access('LearningItem.hasItWorked')
  hasItWorked(@Parent() item: LearningItem, @Context('loaders') loaders: RequestLoaders): Promise<ThemeImpact | null> {
    return this.relations.hasItWorked(item, loaders);
  }
}
