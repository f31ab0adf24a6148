import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { TenantDatabase } from '../database/tenant-database.js';
import { ChildKeyService } from './child-key.js';
import type { EscalationFilter } from './dto/escalation-filter.input.js';
import type { EscalationsArgs, EscalationSortField } from './dto/escalations.args.js';
import { EscalationEntity } from './entities/escalation.entity.js';
import { toEscalation } from './escalation.mappers.js';
import { EscalationsException } from './escalations.exception.js';
import type { EscalationPage } from './models/escalation-page.model.js';
import type { Escalation } from './models/escalation.model.js';

const SORT_COLUMNS: Readonly<Record<EscalationSortField, string>> = {
  raised_at: 'e.raisedAt',
  updated_at: 'e.updatedAt',
  reference: 'e.reference',
  highest_tier: 'e.highestTier',
};

/** Reads escalations (of the actor's partnership: row-level security): one by key, or a filtered page sorted and cut in SQL. */
@Injectable()
export class EscalationsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly childKeys: ChildKeyService,
  ) {}

  /** @throws EscalationsException ESCALATION_NOT_FOUND */
  async get(partnershipId: string, id: string): Promise<Escalation> {
    const row = await this.db.run((manager) => manager.findOneBy(EscalationEntity, { partnershipId, id }));
    if (!row) throw EscalationsException.notFound(partnershipId, id);
    return toEscalation(row);
  }

  async list(args: EscalationsArgs): Promise<EscalationPage> {
    const sort = args.sort ?? { field: 'raised_at', descending: true };
    const direction = sort.descending ? 'DESC' : 'ASC';
    const [rows, totalCount] = await this.db.run((manager) => {
      const query = manager.createQueryBuilder(EscalationEntity, 'e');
      this.applyFilter(query, args.filter ?? {});
      return query
        .orderBy(SORT_COLUMNS[sort.field], direction)
        .addOrderBy('e.partnershipId', direction)
        .addOrderBy('e.id', direction)
        .offset(args.offset)
        .limit(args.limit)
        .getManyAndCount();
    });
    return { items: rows.map(toEscalation), totalCount, offset: args.offset, limit: args.limit };
  }

  /** Narrows a query of escalations (alias `e`) to a filter's: the list's and its CSV export's. */
  applyFilter(query: SelectQueryBuilder<EscalationEntity>, filter: EscalationFilter): void {
    if (filter.partnershipId) query.andWhere('e.partnershipId = :partnershipId', { partnershipId: filter.partnershipId });
    if (filter.statuses?.length) query.andWhere('e.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.raisingAgencyId) query.andWhere('e.raisingAgencyId = :raisingAgencyId', { raisingAgencyId: filter.raisingAgencyId });
    if (filter.receivingAgencyId) query.andWhere('e.receivingAgencyId = :receivingAgencyId', { receivingAgencyId: filter.receivingAgencyId });
    if (filter.categoryCode) query.andWhere('e.categoryCode = :categoryCode', { categoryCode: filter.categoryCode });
    if (filter.urgencies?.length) query.andWhere('e.urgency IN (:...urgencies)', { urgencies: filter.urgencies });
    if (filter.currentStageCode) query.andWhere('e.currentStageCode = :currentStageCode', { currentStageCode: filter.currentStageCode });
    if (filter.raisedFrom) query.andWhere('e.raisedAt >= :raisedFrom', { raisedFrom: filter.raisedFrom.toISOString() });
    if (filter.raisedTo) query.andWhere('e.raisedAt < :raisedTo', { raisedTo: filter.raisedTo.toISOString() });
    if (filter.childReference) query.andWhere('e.childKey = :childKey', { childKey: this.childKeys.keyOf(filter.childReference) });
    if (filter.overdueOnly) {
      query.andWhere(`EXISTS (SELECT 1 FROM timescale_outcome o
                              WHERE o.partnership_id = e.partnership_id AND o.escalation_id = e.id AND o.status = 'overdue')`);
    }
  }
}
