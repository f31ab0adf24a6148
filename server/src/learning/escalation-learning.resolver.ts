import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { Escalation } from '../escalations/models/escalation.model.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { LearningRelationsService } from './learning-relations.service.js';
import { LearningItem } from './models/learning-item.model.js';

/** The learning an escalation produced, on the escalation itself. */
@Resolver(() => Escalation)
export class EscalationLearningResolver {
  constructor(private readonly relations: LearningRelationsService) {}

  @ResolveField('learningItems', () => [LearningItem], { description: 'The learning items drawn from this escalation, newest first.' })
  @Access('Escalation.learningItems')
  learningItems(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<LearningItem[]> {
    return this.relations.itemsOfEscalation(escalation, loaders);
  }
}
