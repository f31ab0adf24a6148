import { CALENDAR_YEARS, type ImportContext } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import { TEXT_LIMITS } from '../escalations/dto/text-limits.js';
import { toStageDefinition } from '../escalations/escalation-journey.js';
import { ProtocolCategoryEntity } from '../protocols/protocol-category.entity.js';
import { ProtocolStageEntity } from '../protocols/protocol-stage.entity.js';
import { ProtocolEntity } from '../protocols/protocol.entity.js';
import { ImportsErrorCode, ImportsException } from './imports.exception.js';

export interface LoadedImportContext extends ImportContext {
  readonly partnershipId: string;
  readonly protocolId: string;
}

/**
 * What rows of a partnership's file are checked against: its active protocol's ladder,
 * skip rule and categories, and all its agencies (active or not: old logs name agencies
 * since retired).
 * @throws ImportsException NO_ACTIVE_PROTOCOL
 */
export async function loadImportContext(manager: EntityManager, partnershipId: string, now: Date): Promise<LoadedImportContext> {
  const protocol = await manager.findOneBy(ProtocolEntity, { partnershipId, isActive: true });
  if (!protocol) {
    throw new ImportsException(ImportsErrorCode.NO_ACTIVE_PROTOCOL, `partnership ${partnershipId} has no active protocol to import escalations onto`, { field: 'partnershipId' });
  }
  const where = { partnershipId, protocolId: protocol.id };
  const stages = await manager.find(ProtocolStageEntity, { where, order: { ladderOrder: 'ASC' } });
  const categories = await manager.find(ProtocolCategoryEntity, { where, order: { displayOrder: 'ASC' } });
  const agencies: { id: string; name: string }[] = await manager.query(
    'SELECT id::text AS id, name FROM agency WHERE partnership_id = $1 ORDER BY name',
    [partnershipId],
  );
  return {
    partnershipId,
    protocolId: protocol.id,
    stages: stages.map(toStageDefinition),
    skipAllowedFor: protocol.skipAllowedFor,
    categories: categories.map(({ code, label }) => ({ code, label })),
    agencies,
    now,
    calendar: { earliest: new Date(Date.UTC(CALENDAR_YEARS.from, 0, 1)), latest: new Date(Date.UTC(CALENDAR_YEARS.to, 11, 1)) },
    textLimits: TEXT_LIMITS,
  };
}
