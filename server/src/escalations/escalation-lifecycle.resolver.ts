import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { Actor } from '../common/actor/actor.js';
import { CurrentActor } from '../common/actor/current-actor.decorator.js';
import { CorrectEscalationInput } from './dto/correct-escalation.input.js';
import { CorrectMilestoneInput } from './dto/correct-milestone.input.js';
import { CorrectStageEntryInput } from './dto/correct-stage-entry.input.js';
import { MarkOutOfScopeInput } from './dto/mark-out-of-scope.input.js';
import { MoveEscalationInput } from './dto/move-escalation.input.js';
import { RecordEscalationInput } from './dto/record-escalation.input.js';
import { RecordMilestoneInput } from './dto/record-milestone.input.js';
import { ResolveEscalationInput } from './dto/resolve-escalation.input.js';
import { WithdrawEscalationInput } from './dto/withdraw-escalation.input.js';
import { EscalationCorrectionsService } from './escalation-corrections.service.js';
import { EscalationLifecycleService } from './escalation-lifecycle.service.js';
import { EscalationRecordingService } from './escalation-recording.service.js';
import { Escalation } from './models/escalation.model.js';

const CHANGED = 'Returns the escalation as changed. Refusals carry extensions.code and extensions.field and change nothing.';

@Resolver(() => Escalation)
export class EscalationLifecycleResolver {
  constructor(
    private readonly recording: EscalationRecordingService,
    private readonly lifecycle: EscalationLifecycleService,
    private readonly corrections: EscalationCorrectionsService,
  ) {}

  @Mutation(() => Escalation, { description: `Records a new escalation on the partnership's active protocol. ${CHANGED}` })
  @Access('Mutation.recordEscalation')
  recordEscalation(@Args('input') input: RecordEscalationInput, @CurrentActor() actor: Actor): Promise<Escalation> {
    return this.recording.record(input, actor);
  }

  @Mutation(() => Escalation, { description: `Moves an open escalation up to a higher stage. ${CHANGED}` })
  @Access('Mutation.moveEscalation')
  moveEscalation(@Args('input') input: MoveEscalationInput, @CurrentActor() actor: Actor): Promise<Escalation> {
    return this.lifecycle.move(input, actor);
  }

  @Mutation(() => Escalation, { description: `Records a milestone. ${CHANGED}` })
  @Access('Mutation.recordMilestone')
  recordMilestone(@Args('input') input: RecordMilestoneInput, @CurrentActor() actor: Actor): Promise<Escalation> {
    return this.lifecycle.recordMilestone(input, actor);
  }

  @Mutation(() => Escalation, { description: `Resolves an open escalation at its current stage. ${CHANGED}` })
  @Access('Mutation.resolveEscalation')
  resolveEscalation(@Args('input') input: ResolveEscalationInput, @CurrentActor() actor: Actor): Promise<Escalation> {
    return this.lifecycle.resolve(input, actor);
  }

  @Mutation(() => Escalation, { description: `Closes an open escalation as withdrawn. ${CHANGED}` })
  @Access('Mutation.withdrawEscalation')
  withdrawEscalation(@Args('input') input: WithdrawEscalationInput, @CurrentActor() actor: Actor): Promise<Escalation> {
    return this.lifecycle.withdraw(input, actor);
  }

  @Mutation(() => Escalation, { description: `Closes an open escalation as outside the protocol's scope. ${CHANGED}` })
  @Access('Mutation.markEscalationOutOfScope')
  markEscalationOutOfScope(@Args('input') input: MarkOutOfScopeInput, @CurrentActor() actor: Actor): Promise<Escalation> {
    return this.lifecycle.markOutOfScope(input, actor);
  }

  @Mutation(() => Escalation, { description: `Corrects the escalation's own details, keeping the correction. ${CHANGED}` })
  @Access('Mutation.correctEscalation')
  correctEscalation(@Args('input') input: CorrectEscalationInput, @CurrentActor() actor: Actor): Promise<Escalation> {
    return this.corrections.correctEscalation(input, actor);
  }

  @Mutation(() => Escalation, { description: `Corrects a stage entry, keeping the correction. ${CHANGED}` })
  @Access('Mutation.correctStageEntry')
  correctStageEntry(@Args('input') input: CorrectStageEntryInput, @CurrentActor() actor: Actor): Promise<Escalation> {
    return this.corrections.correctStageEntry(input, actor);
  }

  @Mutation(() => Escalation, { description: `Corrects or removes a milestone, keeping the correction. ${CHANGED}` })
  @Access('Mutation.correctMilestone')
  correctMilestone(@Args('input') input: CorrectMilestoneInput, @CurrentActor() actor: Actor): Promise<Escalation> {
    return this.corrections.correctMilestone(input, actor);
  }
}
