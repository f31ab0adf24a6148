import { checkStageRequirements } from '@escalation-insights/shared';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { ProtocolPartsService } from '../protocols/protocol-parts.service.js';
import type { ProtocolStage } from '../protocols/models/protocol-stage.model.js';
import { EscalationTimelineService } from './escalation-timeline.service.js';
import { StageEntry } from './models/stage-entry.model.js';
import { StageRequirement } from './models/stage-requirement.model.js';

@Resolver(() => StageEntry)
export class StageEntryResolver {
  constructor(
    private readonly protocolParts: ProtocolPartsService,
    private readonly timeline: EscalationTimelineService,
  ) {}

  @ResolveField('stageName', () => String)
  @Access('StageEntry.stageName')
  async stageName(@Parent() entry: StageEntry, @Context('loaders') loaders: RequestLoaders): Promise<string> {
    return (await this.stageOf(entry, loaders))?.name ?? entry.stageCode;
  }

  @ResolveField('requirements', () => [StageRequirement], {
    description: 'What the protocol asks for at this stage, each met or missing by the milestones recorded here.',
  })
  @Access('StageEntry.requirements')
  async requirements(@Parent() entry: StageEntry, @Context('loaders') loaders: RequestLoaders): Promise<StageRequirement[]> {
    const [stage, milestones] = await Promise.all([
      this.stageOf(entry, loaders),
      this.timeline.milestonesOf({ partnershipId: entry.partnershipId, id: entry.escalationId }, loaders),
    ]);
    return checkStageRequirements(stage?.requirements ?? [], entry.stageCode, milestones);
  }

  private async stageOf(entry: StageEntry, loaders: RequestLoaders): Promise<ProtocolStage | undefined> {
    const stages = await this.protocolParts.stagesOf({ partnershipId: entry.partnershipId, id: entry.protocolId }, loaders);
    return stages.find((stage) => stage.code === entry.stageCode);
  }
}
