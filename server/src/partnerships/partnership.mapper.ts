import type { PartnershipEntity } from './partnership.entity.js';
import type { Partnership } from './models/partnership.model.js';

export function toPartnership(entity: PartnershipEntity): Partnership {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    jurisdiction: entity.jurisdiction,
    themeMinCount: entity.themeMinCount,
    themeWindowDays: entity.themeWindowDays,
    retentionYearsAfterClose: entity.retentionYears,
  };
}
