import { localDateKey, suppressesSmallNumbers } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock.js';
import { currentActor } from '../database/actor-scope.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { LearningItemsArgs } from './dto/learning-items.args.js';
import { LearningException } from './learning.exception.js';
import { LEARNING_ITEM_SELECT, toLearningItem, type LearningItemRow } from './learning-rows.js';
import type { LearningItemPage } from './models/learning-item-page.model.js';
import type { LearningItem } from './models/learning-item.model.js';

/** Active items first (open, in progress), then completed, then closed; newest first within each. */
const LIST_ORDER = `CASE page.status WHEN 'open' THEN 0 WHEN 'in_progress' THEN 0 WHEN 'completed' THEN 1 ELSE 2 END, page."createdAt" DESC, page.id::bigint DESC`;

/**
 * Reads learning items (of the actor's partnership: row-level security): one by key, or
 * a filtered page, each with its counts worked out in SQL. "Today", for overdue actions,
 * is the partnership's today in Europe/London.
 */
@Injectable()
export class LearningItemsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
  ) {}

  /** The partnership's today (all partnerships are in the UK), YYYY-MM-DD. */
  today(): string {
    return localDateKey(this.clock.now());
  }

  /** @throws LearningException LEARNING_ITEM_NOT_FOUND */
  async get(partnershipId: string, id: string): Promise<LearningItem> {
    const row = await this.db.run((manager) => this.row(manager, partnershipId, id));
    if (!row) throw LearningException.itemNotFound(partnershipId, id);
    return toLearningItem(row, this.suppresses());
  }

  /** The item as stored, in `manager`'s transaction; undefined when the partnership has no such item. */
  async row(manager: EntityManager, partnershipId: string, id: string): Promise<LearningItemRow | undefined> {
    const rows: LearningItemRow[] = await manager.query(`${LEARNING_ITEM_SELECT} WHERE i.partnership_id = $2 AND i.id = $3`, [this.today(), partnershipId, id]);
    return rows[0];
  }

  async list(args: LearningItemsArgs): Promise<LearningItemPage> {
    const filter = args.filter ?? {};
    const params: unknown[] = [this.today(), args.partnershipId];
    const where = ['i.partnership_id = $2'];
    if (filter.statuses?.length) where.push(`i.status = ANY($${params.push(filter.statuses)}::text[])`);
    if (filter.gapKinds?.length) where.push(`i.gap_kind = ANY($${params.push(filter.gapKinds)}::text[])`);
    if (filter.overdueOnly) where.push('actions.overdue > 0');
    const limit = params.push(args.limit);
    const offset = params.push(args.offset);
    const rows: (LearningItemRow & { totalCount: number })[] = await this.db.run((manager) =>
      manager.query(
        `SELECT page.*, count(*) OVER ()::int AS "totalCount" FROM (${LEARNING_ITEM_SELECT} WHERE ${where.join(' AND ')}) page
         ORDER BY ${LIST_ORDER}
         LIMIT $${limit} OFFSET $${offset}`,
        params,
      ),
    );
    const totalCount = rows[0]?.totalCount ?? (args.offset > 0 ? await this.count(args) : 0);
    const suppress = this.suppresses();
    return { items: rows.map((row) => toLearningItem(row, suppress)), totalCount, offset: args.offset, limit: args.limit };
  }

  /** The number of matching items, for a page past the end (which has no row to carry it). */
  private async count(args: LearningItemsArgs): Promise<number> {
    const page = await this.list({ ...args, offset: 0, limit: 1 });
    return page.totalCount;
  }

  private suppresses(): boolean {
    return suppressesSmallNumbers(currentActor()?.role ?? null);
  }
}
