import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantDatabase } from '../database/tenant-database.js';
import { groupByKey, LoaderKey, type RequestLoaders } from '../graphql/request-loaders.js';
import type { Protocol } from './models/protocol.model.js';
import { ProtocolEntity } from './protocol.entity.js';
import { toProtocol } from './protocol.mappers.js';

const PROTOCOLS_BY_PARTNERSHIP = new LoaderKey<string, Protocol[]>('protocols-by-partnership');

@Injectable()
export class ProtocolsService {
  constructor(private readonly db: TenantDatabase) {}

  /** Every version of every protocol of a partnership, by code then version. */
  forPartnership(partnershipId: string, loaders: RequestLoaders): Promise<Protocol[]> {
    return loaders.get(PROTOCOLS_BY_PARTNERSHIP, { batch: (ids) => this.loadForPartnerships(ids) }).load(partnershipId);
  }

  /** The protocol new escalations follow, if the partnership has one (shares the query of `forPartnership`). */
  async activeFor(partnershipId: string, loaders: RequestLoaders): Promise<Protocol | null> {
    const protocols = await this.forPartnership(partnershipId, loaders);
    return protocols.find((protocol) => protocol.isActive) ?? null;
  }

  private async loadForPartnerships(partnershipIds: readonly string[]): Promise<Protocol[][]> {
    const rows = await this.db.run((manager) =>
      manager.find(ProtocolEntity, { where: { partnershipId: In([...partnershipIds]) }, order: { code: 'ASC', version: 'ASC' } }),
    );
    return groupByKey(partnershipIds, rows, (id) => id, (row) => row.partnershipId).map((group) => group.map(toProtocol));
  }
}
