import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentActor } from '../database/actor-scope.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { AUDIT_EVENT_COLUMNS, auditTrailWhere, decodeCursor, encodeCursor, toAuditEvent, type AuditEventRow } from './audit-trail-query.js';
import { DEFAULT_AUDIT_PAGE, MAX_AUDIT_PAGE } from './dto/audit-trail.args.js';
import type { AuditTrailFilter } from './dto/audit-trail-filter.input.js';
import type { AuditEvent } from './models/audit-event.model.js';
import type { AuditTrailPage } from './models/audit-trail-page.model.js';

export interface AuditPageRequest {
  /** Events on the page (1 to MAX_AUDIT_PAGE; default DEFAULT_AUDIT_PAGE). */
  readonly first?: number;
  /** The endCursor of the page before. */
  readonly after?: string | null;
}

/**
 * Reads the audit trail as the current actor: row-level security shows them their own
 * partnership's chain (every chain, and the one outside any partnership, to an
 * administrator of every partnership). Newest first, paged by a keyset on the event id.
 * What each event shows depends on the actor's role (see mayReadChanges).
 */
@Injectable()
export class AuditTrailService {
  constructor(private readonly db: TenantDatabase) {}

  /**
   * One page of events matching `filter`, with the count over all pages.
   * @throws AuditException INVALID_CURSOR, INVALID_PERIOD
   */
  list(filter: AuditTrailFilter = {}, page: AuditPageRequest = {}): Promise<AuditTrailPage> {
    const first = Math.min(Math.max(Math.trunc(page.first ?? DEFAULT_AUDIT_PAGE), 1), MAX_AUDIT_PAGE);
    const afterId = page.after ? decodeCursor(page.after) : null;
    const { where, params } = auditTrailWhere(filter);
    const role = currentActor()?.role ?? null;
    // REPEATABLE READ: the count and the page come from one snapshot (inside a caller's transaction, from theirs).
    return this.db.run(async (manager) => {
      const [{ total }] = (await manager.query(`SELECT count(*)::int AS total FROM audit_event WHERE ${where}`, params)) as [{ total: number }];
      const rows = await this.rowsAfter(manager, where, params, afterId, first + 1);
      const shown = rows.slice(0, first);
      return {
        events: shown.map((row) => toAuditEvent(row, role)),
        totalCount: total,
        hasNextPage: rows.length > first,
        endCursor: shown.length > 0 ? encodeCursor(shown[shown.length - 1]!.id) : null,
      };
    }, 'REPEATABLE READ');
  }

  /**
   * Every event matching `filter`, newest first, a batch at a time, inside the caller's
   * transaction (so that an export reads one snapshot however long it takes).
   */
  async *batches(manager: EntityManager, filter: AuditTrailFilter, batchSize = 1000): AsyncGenerator<AuditEvent[]> {
    const { where, params } = auditTrailWhere(filter);
    const role = currentActor()?.role ?? null;
    let afterId: string | null = null;
    for (;;) {
      const rows = await this.rowsAfter(manager, where, params, afterId, batchSize);
      if (rows.length > 0) yield rows.map((row) => toAuditEvent(row, role));
      if (rows.length < batchSize) return;
      afterId = rows[rows.length - 1]!.id;
    }
  }

  private async rowsAfter(manager: EntityManager, where: string, params: readonly unknown[], afterId: string | null, limit: number): Promise<AuditEventRow[]> {
    const keyset = afterId === null ? '' : ` AND id < $${params.length + 1}::bigint`;
    return (await manager.query(
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event WHERE ${where}${keyset} ORDER BY audit_event.id DESC LIMIT ${limit}`,
      afterId === null ? [...params] : [...params, afterId],
    )) as AuditEventRow[];
  }
}
