import type { JsonValue } from '../audit/audit-hash.js';
import type { EscalationCorrectionEntity } from './entities/escalation-correction.entity.js';
import type { EscalationEntity } from './entities/escalation.entity.js';
import type { MilestoneEntity } from './entities/milestone.entity.js';
import type { StageEntryEntity } from './entities/stage-entry.entity.js';
import type { EscalationCorrection, FieldChange } from './models/escalation-correction.model.js';
import type { Escalation } from './models/escalation.model.js';
import type { Milestone } from './models/milestone.model.js';
import type { StageEntry } from './models/stage-entry.model.js';

export function toEscalation(entity: EscalationEntity): Escalation {
  return {
    id: entity.id,
    partnershipId: entity.partnershipId,
    reference: entity.reference,
    protocolId: entity.protocolId,
    raisedAt: entity.raisedAt,
    raisingAgencyId: entity.raisingAgencyId,
    raisingRole: entity.raisingRole,
    receivingAgencyId: entity.receivingAgencyId,
    categoryCode: entity.categoryCode,
    urgency: entity.urgency,
    raisedVia: entity.raisedVia,
    summary: entity.summary,
    status: entity.status,
    outcome: entity.outcome,
    closedAt: entity.closedAt,
    currentStageCode: entity.currentStageCode,
    highestTier: entity.highestTier,
    highestStageOrder: entity.highestStageOrder,
    resolvedTier: entity.resolvedTier,
    writtenConfirmationGiven: entity.writtenConfirmationGiven,
    feedbackGiven: entity.feedbackGiven,
    hasChildReference: entity.childKey !== null,
    version: entity.version,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    retentionAppliedAt: entity.retentionAppliedAt,
  };
}

export function toStageEntry(entity: StageEntryEntity): StageEntry {
  return {
    id: entity.id,
    partnershipId: entity.partnershipId,
    escalationId: entity.escalationId,
    protocolId: entity.protocolId,
    stageCode: entity.stageCode,
    tier: entity.tier,
    order: entity.ladderOrder,
    enteredAt: entity.enteredAt,
    exitedAt: entity.exitedAt,
    exitReason: entity.exitReason,
    skippedStageCodes: entity.skippedStageCodes,
    participants: entity.participants,
    notes: entity.notes,
  };
}

export function toMilestone(entity: MilestoneEntity): Milestone {
  return {
    id: entity.id,
    kind: entity.kind,
    stageCode: entity.stageCode,
    occurredAt: entity.occurredAt,
    notes: entity.notes,
    recordedAt: entity.recordedAt,
  };
}

export function toEscalationCorrection(entity: EscalationCorrectionEntity): EscalationCorrection {
  return {
    id: entity.id,
    target: entity.target,
    targetId: entity.targetId,
    changes: fieldChanges(entity.before, entity.after),
    reason: entity.reason,
    correctedAt: entity.correctedAt,
  };
}

/** One row per field named before or after, by field name (jsonb keeps no order of its own). */
function fieldChanges(before: Readonly<Record<string, JsonValue>>, after: Readonly<Record<string, JsonValue>>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const json = (value: JsonValue | undefined) => (value === undefined || value === null ? null : JSON.stringify(value));
  return fields.map((field) => ({ field, before: json(before[field]), after: json(after[field]) }));
}
