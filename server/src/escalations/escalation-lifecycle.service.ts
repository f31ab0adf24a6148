import { Injectable } from '@nestjs/common';
import { checkClose, checkMilestone, planStageMove, type EscalationStatus, type StageExitReason } from '@escalation-insights/shared';
import type { Actor } from '../common/actor/actor.js';
import type { MarkOutOfScopeInput } from './dto/mark-out-of-scope.input.js';
import type { MoveEscalationInput } from './dto/move-escalation.input.js';
import type { RecordMilestoneInput } from './dto/record-milestone.input.js';
import type { ResolveEscalationInput } from './dto/resolve-escalation.input.js';
import type { WithdrawEscalationInput } from './dto/withdraw-escalation.input.js';
import type { EscalationColumns } from './escalation-columns.js';
import { recordedValues } from './escalation-columns.js';
import { insertStageEntry } from './escalation-inserts.js';
import { escalationState, stageAt } from './escalation-journey.js';
import { EscalationTransactionService, type EscalationChange, type EscalationTarget, type LockedEscalation } from './escalation-transaction.service.js';
import { EscalationsErrorCode, EscalationsException } from './escalations.exception.js';
import type { Escalation } from './models/escalation.model.js';

interface Closing {
  readonly action: string;
  readonly status: Exclude<EscalationStatus, 'open'>;
  readonly exitReason: StageExitReason;
  readonly closedAt: Date;
  readonly set: Partial<EscalationColumns>;
  /** The stage the caller believes the escalation is in, when it says. */
  readonly atStageCode?: string | null;
}

/**
 * Moves existing escalations through their lifecycle. Every rule is judged by the pure
 * functions of shared/lifecycle against the escalation's own protocol version; a
 * refusal changes nothing.
 */
@Injectable()
export class EscalationLifecycleService {
  constructor(private readonly transactions: EscalationTransactionService) {}

  /** Up the ladder: leaves the current stage as it enters the new one; records any stages skipped. */
  move(input: MoveEscalationInput, actor: Actor): Promise<Escalation> {
    return this.transactions.change(input, actor, async (locked) => {
      const { manager, escalation, entries, milestones } = locked;
      const state = escalationState(escalation, entries, milestones);
      const plan = planStageMove(locked.ladder, state, input.stageCode, locked.skipAllowedFor, input.enteredAt, locked.now);
      if (!plan.ok) throw EscalationsException.violation(plan.violation);
      await this.exitCurrentStage(locked, input.enteredAt, 'escalated');
      const { stage, skipped } = plan.value;
      const entry = { stageCode: stage.code, enteredAt: input.enteredAt, skippedStageCodes: skipped, participants: input.participants ?? [], notes: input.notes ?? '' };
      const id = await insertStageEntry(manager, {
        ...entry, partnershipId: escalation.partnershipId, escalationId: escalation.id, protocolId: escalation.protocolId, tier: stage.tier, ladderOrder: stage.order,
      });
      return { action: 'escalation.stage_entered', after: { stageEntry: { id, ...recordedValues(entry) } } };
    });
  }

  /** A dated event; without a stage it belongs to the stage the escalation was in at the time. */
  recordMilestone(input: RecordMilestoneInput, actor: Actor): Promise<Escalation> {
    return this.transactions.change(input, actor, async (locked) => {
      const { manager, escalation, entries, now } = locked;
      const stageCode = input.stageCode ?? stageAt(entries, input.occurredAt);
      const problem = checkMilestone(entries.map((entry) => entry.stageCode), escalation.raisedAt, stageCode, input.occurredAt, now);
      if (problem) throw EscalationsException.violation(problem);
      const milestone = { kind: input.kind, stageCode, occurredAt: input.occurredAt, notes: input.notes ?? '' };
      const [{ id }] = (await manager.query(
        `INSERT INTO milestone (partnership_id, escalation_id, stage_code, kind, occurred_at, notes, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id`,
        [escalation.partnershipId, escalation.id, stageCode, input.kind, input.occurredAt.toISOString(), milestone.notes, actor.userId, now.toISOString()],
      )) as [{ id: string }];
      return { action: 'escalation.milestone_recorded', after: { milestone: { id, ...recordedValues(milestone) } } };
    });
  }

  resolve(input: ResolveEscalationInput, actor: Actor): Promise<Escalation> {
    return this.close(input, actor, {
      action: 'escalation.resolved',
      status: 'resolved',
      exitReason: 'resolved',
      closedAt: input.closedAt,
      atStageCode: input.stageCode,
      set: { outcome: input.outcome.trim(), writtenConfirmationGiven: input.writtenConfirmationGiven, feedbackGiven: input.feedbackGiven },
    });
  }

  withdraw(input: WithdrawEscalationInput, actor: Actor): Promise<Escalation> {
    return this.close(input, actor, {
      action: 'escalation.withdrawn',
      status: 'withdrawn',
      exitReason: 'withdrawn',
      closedAt: input.closedAt,
      set: { outcome: input.reason.trim() },
    });
  }

  /** Out of scope ends the current stage as withdrawn: the matter left the protocol. */
  markOutOfScope(input: MarkOutOfScopeInput, actor: Actor): Promise<Escalation> {
    return this.close(input, actor, {
      action: 'escalation.marked_out_of_scope',
      status: 'out_of_scope',
      exitReason: 'withdrawn',
      closedAt: input.closedAt,
      set: { outcome: input.reason.trim() },
    });
  }

  private close(target: EscalationTarget, actor: Actor, closing: Closing): Promise<Escalation> {
    return this.transactions.change(target, actor, async (locked): Promise<EscalationChange> => {
      const state = escalationState(locked.escalation, locked.entries, locked.milestones);
      const problem = checkClose(state, closing.closedAt, locked.now);
      if (problem) throw EscalationsException.violation(problem);
      if (closing.atStageCode && closing.atStageCode !== state.current.stageCode) {
        throw EscalationsException.invalid(
          EscalationsErrorCode.STAGE_NOT_CURRENT,
          'stageCode',
          `the escalation is at stage "${state.current.stageCode}", not "${closing.atStageCode}"; move it there first, or resolve it where it is`,
        );
      }
      await this.exitCurrentStage(locked, closing.closedAt, closing.exitReason);
      return { action: closing.action, set: { ...closing.set, status: closing.status, closedAt: closing.closedAt } };
    });
  }

  private async exitCurrentStage(locked: LockedEscalation, at: Date, reason: StageExitReason): Promise<void> {
    const current = locked.entries.at(-1)!;
    await locked.manager.query(
      'UPDATE stage_entry SET exited_at = $3, exit_reason = $4 WHERE partnership_id = $1 AND id = $2',
      [current.partnershipId, current.id, at.toISOString(), reason],
    );
  }
}
