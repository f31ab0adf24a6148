import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database.js';
import type { Partnership } from './models/partnership.model.js';
import { PartnershipEntity } from './partnership.entity.js';
import { toPartnership } from './partnership.mapper.js';
import { PartnershipsException } from './partnerships.exception.js';

/** Partnerships as the current actor may see them (row-level security decides which). */
@Injectable()
export class PartnershipsService {
  constructor(private readonly db: TenantDatabase) {}

  /** Every partnership the actor may see, by name. */
  async list(): Promise<Partnership[]> {
    const rows = await this.db.run((manager) => manager.find(PartnershipEntity, { order: { name: 'ASC', id: 'ASC' } }));
    return rows.map(toPartnership);
  }

  /** @throws PartnershipsException PARTNERSHIP_NOT_FOUND, also for a partnership the actor may not see */
  async get(id: string): Promise<Partnership> {
    const row = await this.db.run((manager) => manager.findOneBy(PartnershipEntity, { id }));
    if (!row) throw PartnershipsException.notFound(id);
    return toPartnership(row);
  }
}
