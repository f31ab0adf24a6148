import type { Writable } from 'node:stream';
import { formatUkDateTime } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { EscalationFilter } from '../escalations/dto/escalation-filter.input.js';
import { EscalationEntity } from '../escalations/entities/escalation.entity.js';
import { EscalationsService } from '../escalations/escalations.service.js';
import { writeCsv, type CsvColumn } from './csv/csv-writer.js';

const PAGE = 2_000;

interface Names {
  readonly agencies: ReadonlyMap<string, string>;
  readonly categories: ReadonlyMap<string, string>;
  readonly stages: ReadonlyMap<string, string>;
  readonly overdue: ReadonlySet<string>;
}

const local = (at: Date | null) => (at ? formatUkDateTime(at) : null);

/** The columns of the escalation list's CSV: what the list shows, by name, with UK times beside the exact instants. */
function columns(names: Names): CsvColumn<EscalationEntity>[] {
  return [
    { header: 'Reference', value: (e) => e.reference },
    { header: 'Raised (UK time)', value: (e) => local(e.raisedAt) },
    { header: 'Raised at (UTC)', value: (e) => e.raisedAt },
    { header: 'Raising agency', value: (e) => names.agencies.get(`${e.partnershipId}:${e.raisingAgencyId}`) ?? e.raisingAgencyId },
    { header: 'Raising role', value: (e) => e.raisingRole },
    { header: 'Receiving agency', value: (e) => names.agencies.get(`${e.partnershipId}:${e.receivingAgencyId}`) ?? e.receivingAgencyId },
    { header: 'Category', value: (e) => names.categories.get(`${e.partnershipId}:${e.protocolId}:${e.categoryCode}`) ?? e.categoryCode },
    { header: 'Urgency', value: (e) => e.urgency },
    { header: 'Raised via', value: (e) => e.raisedVia.replace('_', ' ') },
    { header: 'Status', value: (e) => e.status.replace(/_/g, ' ') },
    { header: 'Current stage', value: (e) => names.stages.get(`${e.partnershipId}:${e.protocolId}:${e.currentStageCode}`) ?? e.currentStageCode },
    { header: 'Highest tier', value: (e) => e.highestTier },
    { header: 'Resolved at tier', value: (e) => e.resolvedTier },
    { header: 'Closed (UK time)', value: (e) => local(e.closedAt) },
    { header: 'Outcome', value: (e) => e.outcome },
    { header: 'Written confirmation given', value: (e) => e.writtenConfirmationGiven },
    { header: 'Feedback given', value: (e) => e.feedbackGiven },
    { header: 'Timescale overdue now', value: (e) => names.overdue.has(`${e.partnershipId}:${e.id}`) },
    { header: 'Summary', value: (e) => e.summary },
  ];
}

/**
 * The escalation list, filtered as in the app, as CSV: streamed a page at a time (keyset
 * on raised time and id) from one REPEATABLE READ snapshot, so that a long download is
 * consistent and never held whole. The export of record-level detail is audited.
 */
@Injectable()
export class EscalationExportService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly escalations: EscalationsService,
    private readonly audit: AuditService,
  ) {}

  async write(out: Writable, filter: EscalationFilter, actor: Actor): Promise<number> {
    return this.db.run(async (manager) => {
      const names = await this.names(manager, filter);
      const count = await writeCsv(out, columns(names), this.pages(manager, filter));
      await this.audit.append(manager, actor, {
        partnershipId: filter.partnershipId ?? actor.partnershipId,
        action: 'escalations.exported',
        entityType: 'escalation',
        entityId: null,
        changes: { before: {}, after: { format: 'csv', rows: count, filter: JSON.parse(JSON.stringify(filter)) as Record<string, string> } },
      });
      return count;
    }, 'REPEATABLE READ');
  }

  private async *pages(manager: EntityManager, filter: EscalationFilter): AsyncGenerator<EscalationEntity[]> {
    let after: { raisedAt: string; id: string } | null = null;
    for (;;) {
      const query = manager.createQueryBuilder(EscalationEntity, 'e');
      this.escalations.applyFilter(query, filter);
      if (after) query.andWhere('(e.raisedAt, e.id) > (:afterAt, :afterId)', { afterAt: after.raisedAt, afterId: after.id });
      const page = await query.orderBy('e.raisedAt', 'ASC').addOrderBy('e.id', 'ASC').limit(PAGE).getMany();
      if (page.length === 0) return;
      yield page;
      const last = page[page.length - 1]!;
      after = { raisedAt: last.raisedAt.toISOString(), id: last.id };
      if (page.length < PAGE) return;
    }
  }

  private async names(manager: EntityManager, filter: EscalationFilter): Promise<Names> {
    const where = filter.partnershipId ? 'WHERE partnership_id = $1' : '';
    const params = filter.partnershipId ? [filter.partnershipId] : [];
    const rows = async (sql: string) => (await manager.query(`${sql} ${where}`, params)) as { key: string; name: string }[];
    const map = (list: { key: string; name: string }[]) => new Map(list.map((r) => [r.key, r.name]));
    return {
      agencies: map(await rows(`SELECT partnership_id || ':' || id AS key, name FROM agency`)),
      categories: map(await rows(`SELECT partnership_id || ':' || protocol_id || ':' || code AS key, label AS name FROM protocol_category`)),
      stages: map(await rows(`SELECT partnership_id || ':' || protocol_id || ':' || code AS key, code || ' ' || name AS name FROM protocol_stage`)),
      overdue: new Set(((await manager.query(
        `SELECT DISTINCT partnership_id || ':' || escalation_id AS key FROM timescale_outcome WHERE status = 'overdue' ${filter.partnershipId ? 'AND partnership_id = $1' : ''}`,
        params,
      )) as { key: string }[]).map((r) => r.key)),
    };
  }
}
