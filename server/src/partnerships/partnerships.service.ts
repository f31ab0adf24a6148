import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Partnership } from './models/partnership.model.js';
import { PartnershipEntity } from './partnership.entity.js';
import { toPartnership } from './partnership.mapper.js';
import { PartnershipsException } from './partnerships.exception.js';

@Injectable()
export class PartnershipsService {
  constructor(@InjectRepository(PartnershipEntity) private readonly partnerships: Repository<PartnershipEntity>) {}

  /** Every partnership, by name. */
  async list(): Promise<Partnership[]> {
    const rows = await this.partnerships.find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map(toPartnership);
  }

  /** @throws PartnershipsException PARTNERSHIP_NOT_FOUND */
  async get(id: string): Promise<Partnership> {
    const row = await this.partnerships.findOneBy({ id });
    if (!row) throw PartnershipsException.notFound(id);
    return toPartnership(row);
  }
}
