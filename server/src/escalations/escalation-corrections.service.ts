import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor/actor.js';
import { ChildKeyService } from './child-key.js';
import { checkCorrectedJourney, insertCorrection, nothingToCorrect, requireStatusFor, updateEntryTimes } from './correction-checks.js';
import type { CorrectEscalationInput } from './dto/correct-escalation.input.js';
import type { CorrectMilestoneInput } from './dto/correct-milestone.input.js';
import type { CorrectStageEntryInput } from './dto/correct-stage-entry.input.js';
import { changedFields, recordedValues, sameValue, type EscalationColumns } from './escalation-columns.js';
import { requireAgency, requireCategory, requireWithinCalendar } from './escalation-references.js';
import { EscalationTransactionService } from './escalation-transaction.service.js';
import { EscalationsErrorCode, EscalationsException } from './escalations.exception.js';
import type { StageEntryEntity } from './entities/stage-entry.entity.js';
import type { Escalation } from './models/escalation.model.js';

/**
 * Puts mistaken entries right. History is not overwritten: each correction is kept in
 * `escalation_correction` with the values before and after and the reason, and in the
 * audit trail. The corrected journey is checked as a whole before anything is written.
 */
@Injectable()
export class EscalationCorrectionsService {
  constructor(
    private readonly transactions: EscalationTransactionService,
    private readonly childKeys: ChildKeyService,
  ) {}

  correctEscalation(input: CorrectEscalationInput, actor: Actor): Promise<Escalation> {
    return this.transactions.change(input, actor, async (locked) => {
      const { manager, escalation: e, entries } = locked;
      const set: Partial<EscalationColumns> = {};
      const closed = e.status !== 'open';
      if (input.raisedAt) requireWithinCalendar(input.raisedAt, 'raisedAt');
      if (input.raisingAgencyId && input.raisingAgencyId !== e.raisingAgencyId) {
        await requireAgency(manager, e.partnershipId, input.raisingAgencyId, 'raisingAgencyId', { active: false });
      }
      if (input.receivingAgencyId && input.receivingAgencyId !== e.receivingAgencyId) {
        await requireAgency(manager, e.partnershipId, input.receivingAgencyId, 'receivingAgencyId', { active: false });
      }
      if (input.categoryCode && input.categoryCode !== e.categoryCode) {
        await requireCategory(manager, e.partnershipId, e.protocolId, input.categoryCode, 'categoryCode');
      }
      if (input.closedAt) requireStatusFor(closed, 'closedAt', e.status, 'a closed');
      if (input.outcome) requireStatusFor(closed, 'outcome', e.status, 'a closed');
      if (input.writtenConfirmationGiven != null) requireStatusFor(e.status === 'resolved', 'writtenConfirmationGiven', e.status, 'a resolved');
      if (input.feedbackGiven != null) requireStatusFor(e.status === 'resolved', 'feedbackGiven', e.status, 'a resolved');
      Object.assign(set, definedOnly({
        raisedAt: input.raisedAt,
        raisingAgencyId: input.raisingAgencyId,
        raisingRole: input.raisingRole?.trim(),
        receivingAgencyId: input.receivingAgencyId,
        categoryCode: input.categoryCode,
        urgency: input.urgency,
        raisedVia: input.raisedVia,
        summary: input.summary,
        childKey: input.childReference ? this.childKeys.keyOf(input.childReference) : undefined,
        closedAt: input.closedAt,
        outcome: input.outcome?.trim(),
        writtenConfirmationGiven: input.writtenConfirmationGiven,
        feedbackGiven: input.feedbackGiven,
      }));
      const fields = changedFields(e, set);
      if (fields.length === 0) throw nothingToCorrect();
      const next = { ...e, ...set };

      // Instants shared with the stage entries move with them: raised = first stage entered; closed = last stage left.
      const first = entries[0]!;
      const last = entries.at(-1)!;
      const moved = entries.map((entry) => ({ ...entry }));
      const linked: { before: Record<string, string | null>; after: Record<string, string | null> } = { before: {}, after: {} };
      if (fields.includes('raisedAt') && sameValue(first.enteredAt, e.raisedAt)) {
        moved[0]!.enteredAt = next.raisedAt;
        linked.before['firstStageEnteredAt'] = first.enteredAt.toISOString();
        linked.after['firstStageEnteredAt'] = next.raisedAt.toISOString();
      }
      if (fields.includes('closedAt') && last.exitedAt && e.closedAt && sameValue(last.exitedAt, e.closedAt)) {
        moved[moved.length - 1]!.exitedAt = next.closedAt;
        linked.before['lastStageExitedAt'] = last.exitedAt.toISOString();
        linked.after['lastStageExitedAt'] = next.closedAt?.toISOString() ?? null;
      }
      checkCorrectedJourney(locked, { escalation: next, entries: moved, milestones: locked.milestones });

      for (const [i, entry] of moved.entries()) {
        if (!sameValue(entry.enteredAt, entries[i]!.enteredAt) || !sameValue(entry.exitedAt, entries[i]!.exitedAt)) await updateEntryTimes(manager, entry);
      }
      const before = { ...recordedValues(e, fields), ...linked.before };
      const after = { ...recordedValues(next, fields), ...linked.after };
      const id = await insertCorrection(manager, locked, actor, { target: 'escalation', targetId: e.id, before, after, reason: input.reason });
      return { action: 'escalation.corrected', set, before: linked.before, after: { ...linked.after, correction: { id, target: 'escalation', reason: input.reason } } };
    });
  }

  correctStageEntry(input: CorrectStageEntryInput, actor: Actor): Promise<Escalation> {
    return this.transactions.change(input, actor, async (locked) => {
      const { manager, entries } = locked;
      const index = entries.findIndex((entry) => entry.id === input.stageEntryId);
      const entry = entries[index];
      if (!entry) throw EscalationsException.invalid(EscalationsErrorCode.STAGE_ENTRY_NOT_FOUND, 'stageEntryId', `escalation ${input.escalationId} has no stage entry with id ${input.stageEntryId}`);
      const moved: StageEntryEntity[] = entries.map((e) => ({ ...e }));
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      if (input.enteredAt && !sameValue(input.enteredAt, entry.enteredAt)) {
        before['enteredAt'] = entry.enteredAt;
        after['enteredAt'] = moved[index]!.enteredAt = input.enteredAt;
        const previous = moved[index - 1];
        if (previous?.exitedAt && sameValue(previous.exitedAt, entry.enteredAt)) {
          before['previousStageExitedAt'] = previous.exitedAt;
          after['previousStageExitedAt'] = previous.exitedAt = input.enteredAt;
        }
      }
      if (input.participants && input.participants.join('\n') !== entry.participants.join('\n')) {
        before['participants'] = entry.participants;
        after['participants'] = input.participants;
      }
      if (input.notes != null && input.notes !== entry.notes) {
        before['notes'] = entry.notes;
        after['notes'] = input.notes;
      }
      if (Object.keys(after).length === 0) throw nothingToCorrect();
      checkCorrectedJourney(locked, { escalation: locked.escalation, entries: moved, milestones: locked.milestones });

      if ('enteredAt' in after) {
        await updateEntryTimes(manager, moved[index]!);
        if ('previousStageExitedAt' in after) await updateEntryTimes(manager, moved[index - 1]!);
      }
      await manager.query('UPDATE stage_entry SET participants = $3, notes = $4 WHERE partnership_id = $1 AND id = $2', [
        entry.partnershipId, entry.id, input.participants ?? entry.participants, input.notes ?? entry.notes,
      ]);
      const correction = { target: 'stage_entry' as const, targetId: entry.id, before: recordedValues(before), after: recordedValues(after), reason: input.reason };
      const id = await insertCorrection(manager, locked, actor, correction);
      return {
        action: 'escalation.corrected',
        before: { stageEntry: { id: entry.id, ...correction.before } },
        after: { stageEntry: { id: entry.id, ...correction.after }, correction: { id, target: correction.target, reason: input.reason } },
      };
    });
  }

  correctMilestone(input: CorrectMilestoneInput, actor: Actor): Promise<Escalation> {
    return this.transactions.change(input, actor, async (locked) => {
      const { manager, milestones } = locked;
      const milestone = milestones.find((m) => m.id === input.milestoneId);
      if (!milestone) throw EscalationsException.invalid(EscalationsErrorCode.MILESTONE_NOT_FOUND, 'milestoneId', `escalation ${input.escalationId} has no milestone with id ${input.milestoneId}`);
      const current = { kind: milestone.kind, stageCode: milestone.stageCode, occurredAt: milestone.occurredAt, notes: milestone.notes };
      const next = input.remove ? null : { ...current, ...definedOnly({ kind: input.kind, stageCode: input.stageCode, occurredAt: input.occurredAt, notes: input.notes }) };
      const fields = next ? (Object.keys(current) as (keyof typeof current)[]).filter((f) => !sameValue(current[f], next[f])) : [];
      if (next && fields.length === 0) throw nothingToCorrect();
      const others = milestones.filter((m) => m.id !== milestone.id);
      checkCorrectedJourney(locked, {
        escalation: locked.escalation,
        entries: locked.entries,
        milestones: next ? [...others, { ...milestone, ...next }] : others,
        correctedMilestoneId: milestone.id,
      });

      if (next) {
        await manager.query('UPDATE milestone SET kind = $3, stage_code = $4, occurred_at = $5, notes = $6 WHERE partnership_id = $1 AND id = $2', [
          milestone.partnershipId, milestone.id, next.kind, next.stageCode, next.occurredAt.toISOString(), next.notes,
        ]);
      } else {
        await manager.query('DELETE FROM milestone WHERE partnership_id = $1 AND id = $2', [milestone.partnershipId, milestone.id]);
      }
      const before = recordedValues(current, next ? fields : Object.keys(current));
      const after = next ? recordedValues(next, fields) : { removed: true };
      const id = await insertCorrection(manager, locked, actor, { target: 'milestone', targetId: milestone.id, before, after, reason: input.reason });
      return {
        action: 'escalation.corrected',
        before: { milestone: { id: milestone.id, ...before } },
        after: { milestone: { id: milestone.id, ...after }, correction: { id, target: 'milestone', reason: input.reason } },
      };
    });
  }
}

/** The entries whose value is neither undefined nor null (null means "not corrected" in these inputs). */
function definedOnly<T extends object>(values: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null)) as { [K in keyof T]?: NonNullable<T[K]> };
}
