import { checkMilestone, validateJourney, type LifecycleViolation } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import type { JsonValue } from '../audit/audit-hash.js';
import type { Actor } from '../common/actor/actor.js';
import type { CorrectionTarget } from './entities/escalation-correction.entity.js';
import { journeyOf, type EntryFacts, type EscalationFacts, type MilestoneFacts } from './escalation-journey.js';
import type { LockedEscalation } from './escalation-transaction.service.js';
import { EscalationsErrorCode, EscalationsException } from './escalations.exception.js';

export interface CorrectedJourney {
  readonly escalation: EscalationFacts;
  readonly entries: readonly EntryFacts[];
  readonly milestones: readonly (MilestoneFacts & { readonly id: string })[];
  /** The milestone being corrected: its problems are reported under the input's own field names. */
  readonly correctedMilestoneId?: string;
}

/**
 * Checks the whole journey as it would be after a correction: `validateJourney` for the
 * stages, status and closing time, and `checkMilestone` for every milestone.
 * @throws EscalationsException with the first problem (and all of them in `extensions.violations`)
 */
export function checkCorrectedJourney(locked: LockedEscalation, corrected: CorrectedJourney): void {
  const problems: LifecycleViolation[] = validateJourney(locked.ladder, locked.skipAllowedFor, journeyOf(corrected.escalation, corrected.entries), locked.now);
  const reached = corrected.entries.map((entry) => entry.stageCode);
  for (const milestone of corrected.milestones) {
    const problem = checkMilestone(reached, corrected.escalation.raisedAt, milestone.stageCode, milestone.occurredAt, locked.now);
    if (!problem) continue;
    problems.push(milestone.id === corrected.correctedMilestoneId ? problem : { ...problem, field: `milestones[${milestone.id}].${problem.field}` });
  }
  const [first, ...others] = problems;
  if (first) throw EscalationsException.violation(first, others);
}

export function nothingToCorrect(): EscalationsException {
  return EscalationsException.invalid(EscalationsErrorCode.NOTHING_TO_CORRECT, 'reason', 'the correction gives no value that differs from what is recorded');
}

/** @throws EscalationsException NOT_APPLICABLE_TO_STATUS unless `applies` */
export function requireStatusFor(applies: boolean, field: string, status: string, needs: string): void {
  if (!applies) {
    throw EscalationsException.invalid(EscalationsErrorCode.NOT_APPLICABLE_TO_STATUS, field, `only ${needs} escalation has one; this one is ${status.replace('_', ' ')}`);
  }
}

/** Keeps the correction: what changed, from what, to what, and why. Returns its id. */
export async function insertCorrection(
  manager: EntityManager,
  locked: LockedEscalation,
  actor: Actor,
  correction: { target: CorrectionTarget; targetId: string; before: Record<string, JsonValue>; after: Record<string, JsonValue>; reason: string },
): Promise<string> {
  const { escalation, now } = locked;
  const [{ id }] = (await manager.query(
    `INSERT INTO escalation_correction (partnership_id, escalation_id, target, target_id, before, after, reason, corrected_by, corrected_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
    [
      escalation.partnershipId, escalation.id, correction.target, correction.targetId, JSON.stringify(correction.before),
      JSON.stringify(correction.after), correction.reason.trim(), actor.userId, now.toISOString(),
    ],
  )) as [{ id: string }];
  return id;
}

/** Moves a stage entry's times (a correction, or a time linked to one). */
export async function updateEntryTimes(manager: EntityManager, entry: { partnershipId: string; id: string; enteredAt: Date; exitedAt: Date | null }): Promise<void> {
  await manager.query('UPDATE stage_entry SET entered_at = $3, exited_at = $4 WHERE partnership_id = $1 AND id = $2', [
    entry.partnershipId, entry.id, entry.enteredAt.toISOString(), entry.exitedAt?.toISOString() ?? null,
  ]);
}
