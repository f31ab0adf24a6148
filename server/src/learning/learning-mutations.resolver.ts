import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { Actor } from '../common/actor/actor.js';
import { CurrentActor } from '../common/actor/current-actor.decorator.js';
import { AddLearningActionInput } from './dto/add-learning-action.input.js';
import { CompleteLearningItemInput } from './dto/complete-learning-item.input.js';
import { CreateLearningItemInput } from './dto/create-learning-item.input.js';
import { LearningEscalationsInput } from './dto/learning-escalations.input.js';
import { UpdateLearningActionInput } from './dto/update-learning-action.input.js';
import { UpdateLearningItemInput } from './dto/update-learning-item.input.js';
import { LearningActionsService } from './learning-actions.service.js';
import { LearningWritesService } from './learning-writes.service.js';
import { LearningItem } from './models/learning-item.model.js';

const CHANGED = 'Returns the learning item as changed. Refusals carry extensions.code and extensions.field and change nothing.';

@Resolver(() => LearningItem)
export class LearningMutationsResolver {
  constructor(
    private readonly writes: LearningWritesService,
    private readonly actions: LearningActionsService,
  ) {}

  @Mutation(() => LearningItem, { description: `Records a gap in practice, policy or procedure drawn from escalations of the partnership. ${CHANGED}` })
  @Access('Mutation.createLearningItem')
  createLearningItem(@Args('input') input: CreateLearningItemInput, @CurrentActor() actor: Actor): Promise<LearningItem> {
    return this.writes.create(input, actor);
  }

  @Mutation(() => LearningItem, { description: `Changes a learning item's text, group or status (VERSION_CONFLICT when edited since it was read). ${CHANGED}` })
  @Access('Mutation.updateLearningItem')
  updateLearningItem(@Args('input') input: UpdateLearningItemInput, @CurrentActor() actor: Actor): Promise<LearningItem> {
    return this.writes.update(input, actor);
  }

  @Mutation(() => LearningItem, { description: `Completes a learning item on a date, once every action is done or cancelled. ${CHANGED}` })
  @Access('Mutation.completeLearningItem')
  completeLearningItem(@Args('input') input: CompleteLearningItemInput, @CurrentActor() actor: Actor): Promise<LearningItem> {
    return this.writes.complete(input, actor);
  }

  @Mutation(() => LearningItem, { description: `Links more escalations of the partnership to a learning item. ${CHANGED}` })
  @Access('Mutation.linkLearningEscalations')
  linkLearningEscalations(@Args('input') input: LearningEscalationsInput, @CurrentActor() actor: Actor): Promise<LearningItem> {
    return this.writes.linkEscalations(input, actor);
  }

  @Mutation(() => LearningItem, { description: `Unlinks escalations from a learning item, which keeps at least one. ${CHANGED}` })
  @Access('Mutation.unlinkLearningEscalations')
  unlinkLearningEscalations(@Args('input') input: LearningEscalationsInput, @CurrentActor() actor: Actor): Promise<LearningItem> {
    return this.writes.unlinkEscalations(input, actor);
  }

  @Mutation(() => LearningItem, { description: `Adds an action to a learning item. ${CHANGED}` })
  @Access('Mutation.addLearningAction')
  addLearningAction(@Args('input') input: AddLearningActionInput, @CurrentActor() actor: Actor): Promise<LearningItem> {
    return this.actions.add(input, actor);
  }

  @Mutation(() => LearningItem, { description: `Changes an action: its text, owner, due date, status (DONE needs completedOn) or evidence of impact. ${CHANGED}` })
  @Access('Mutation.updateLearningAction')
  updateLearningAction(@Args('input') input: UpdateLearningActionInput, @CurrentActor() actor: Actor): Promise<LearningItem> {
    return this.actions.update(input, actor);
  }
}
