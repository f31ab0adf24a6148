import { TIER_NAMES } from '@escalation-insights/shared';
import type { ProtocolCategoryEntity } from './protocol-category.entity.js';
import type { ProtocolStageEntity } from './protocol-stage.entity.js';
import type { ProtocolEntity } from './protocol.entity.js';
import type { TimescaleRuleEntity } from './timescale-rule.entity.js';
import type { Category } from './models/category.model.js';
import type { ProtocolStage } from './models/protocol-stage.model.js';
import type { Protocol } from './models/protocol.model.js';
import type { TimescaleRule } from './models/timescale-rule.model.js';

export function toProtocol(entity: ProtocolEntity): Protocol {
  return {
    id: entity.id,
    partnershipId: entity.partnershipId,
    code: entity.code,
    version: entity.version,
    name: entity.name,
    templateCode: entity.templateCode,
    sourceDocument: entity.sourceDocument,
    sourceVersion: entity.sourceVersion,
    summary: entity.summary,
    discouragesEmail: entity.discouragesEmail,
    isActive: entity.isActive,
    skipAllowedFor: entity.skipAllowedFor,
    outOfScope: entity.outOfScope,
  };
}

export function toProtocolStage(entity: ProtocolStageEntity): ProtocolStage {
  return {
    code: entity.code,
    name: entity.name,
    order: entity.ladderOrder,
    tier: entity.tier,
    tierName: TIER_NAMES[entity.tier],
    roles: entity.roles,
    description: entity.description,
    requirements: entity.requirements,
  };
}

export function toCategory(entity: ProtocolCategoryEntity): Category {
  return { code: entity.code, label: entity.label };
}

export function toTimescaleRule(entity: TimescaleRuleEntity): TimescaleRule {
  return {
    code: entity.code,
    name: entity.name,
    stageCode: entity.stageCode,
    limitUnit: entity.limitUnit,
    limitAmount: Number(entity.limitAmount),
    urgencies: entity.urgencies,
    source: entity.source,
    rationale: entity.rationale,
    appliesWhenRuleNotMet: entity.appliesWhenRuleNotMet,
  };
}
