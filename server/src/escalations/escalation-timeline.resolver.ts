import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { EscalationTimelineService } from './escalation-timeline.service.js';
import { EscalationCorrection } from './models/escalation-correction.model.js';
import { Escalation } from './models/escalation.model.js';
import { Milestone } from './models/milestone.model.js';
import { StageEntry } from './models/stage-entry.model.js';
import { TimescaleOutcome } from './models/timescale-outcome.model.js';

/** The timeline of an escalation, each part loaded in one query for all escalations of a request. */
@Resolver(() => Escalation)
export class EscalationTimelineResolver {
  constructor(private readonly timeline: EscalationTimelineService) {}

  @ResolveField('stages', () => [StageEntry], { description: 'The stages entered, in ladder order.' })
  @Access('Escalation.stages')
  stages(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<StageEntry[]> {
    return this.timeline.stagesOf(escalation, loaders);
  }

  @ResolveField('milestones', () => [Milestone], { description: 'Dated events, oldest first.' })
  @Access('Escalation.milestones')
  milestones(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<Milestone[]> {
    return this.timeline.milestonesOf(escalation, loaders);
  }

  @ResolveField('timescaleOutcomes', () => [TimescaleOutcome], { description: 'One per timescale rule of the protocol, by stage then rule.' })
  @Access('Escalation.timescaleOutcomes')
  timescaleOutcomes(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<TimescaleOutcome[]> {
    return this.timeline.outcomesOf(escalation, loaders);
  }

  @ResolveField('isOverdue', () => Boolean, { description: 'Whether any timescale is overdue.' })
  @Access('Escalation.isOverdue')
  async isOverdue(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<boolean> {
    return (await this.timeline.outcomesOf(escalation, loaders)).some((outcome) => outcome.status === 'overdue');
  }

  @ResolveField('corrections', () => [EscalationCorrection], { description: 'Mistaken entries put right, oldest first.' })
  @Access('Escalation.corrections')
  corrections(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<EscalationCorrection[]> {
    return this.timeline.correctionsOf(escalation, loaders);
  }
}
