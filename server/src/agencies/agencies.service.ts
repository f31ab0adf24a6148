import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantDatabase } from '../database/tenant-database.js';
import { groupByKey, LoaderKey, type RequestLoaders } from '../graphql/request-loaders.js';
import { AgencyEntity } from './agency.entity.js';
import { toAgency } from './agency.mapper.js';
import type { Agency } from './models/agency.model.js';

const AGENCIES_BY_PARTNERSHIP = new LoaderKey<string, Agency[]>('agencies-by-partnership');

@Injectable()
export class AgenciesService {
  constructor(private readonly db: TenantDatabase) {}

  /** A partnership's agencies by name; batched across the partnerships of one request. */
  forPartnership(partnershipId: string, loaders: RequestLoaders): Promise<Agency[]> {
    return loaders.get(AGENCIES_BY_PARTNERSHIP, { batch: (ids) => this.loadForPartnerships(ids) }).load(partnershipId);
  }

  private async loadForPartnerships(partnershipIds: readonly string[]): Promise<Agency[][]> {
    const rows = await this.db.run((manager) =>
      manager.find(AgencyEntity, { where: { partnershipId: In([...partnershipIds]) }, order: { name: 'ASC', id: 'ASC' } }),
    );
    return groupByKey(partnershipIds, rows, (id) => id, (row) => row.partnershipId).map((group) => group.map(toAgency));
  }
}
