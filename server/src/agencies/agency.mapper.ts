import type { AgencyEntity } from './agency.entity.js';
import type { Agency } from './models/agency.model.js';

export function toAgency(entity: AgencyEntity): Agency {
  return { id: entity.id, name: entity.name, sector: entity.sector, isActive: entity.isActive };
}
