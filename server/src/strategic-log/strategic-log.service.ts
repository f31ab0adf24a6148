import { localDateKey, suppressesSmallNumbers } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock.js';
import { currentActor } from '../database/actor-scope.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { OverdueLogEntriesArgs, StrategicLogArgs } from './dto/strategic-log.args.js';
import type { StrategicLogEscalation, StrategicLogStatusChange } from './models/strategic-log-details.model.js';
import type { OverdueLogEntries, StrategicLogEntry, StrategicLogPage } from './models/strategic-log-entry.model.js';
import { entryColumns, toLogEntry, type EntryRow } from './strategic-log-rows.js';
import { StrategicLogException } from './strategic-log.exception.js';

/** Most escalations listed with an entry (linked, or of its theme since it was added). */
export const ESCALATION_LIST_LIMIT = 200;

/**
 * Reads the strategic log (of the actor's partnership: row-level security). Entries are
 * overdue when not closed and their review date is before today's local date.
 */
@Injectable()
export class StrategicLogService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
  ) {}

  async list(args: StrategicLogArgs): Promise<StrategicLogPage> {
    const today = this.today();
    const rows = await this.db.run((manager) =>
      manager.query<(EntryRow & { total: number })[]>(
        `SELECT ${entryColumns('$2::date')}, count(*) OVER ()::int AS total
         FROM strategic_log_entry e
         WHERE e.partnership_id = $1::bigint
           AND (cardinality($3::text[]) = 0 OR e.status = ANY($3::text[]))
           AND (NOT $4::boolean OR (e.status <> 'closed' AND e.review_date < $2::date))
         ORDER BY e.added_on DESC, e.id DESC
         OFFSET $5 LIMIT $6`,
        [args.partnershipId, today, args.statuses ?? [], args.overdueOnly, args.offset, args.limit],
      ),
    );
    const totalCount = rows[0]?.total ?? (args.offset > 0 ? await this.count(args, today) : 0);
    return { items: rows.map((row) => toLogEntry(row, this.suppress())), totalCount, offset: args.offset, limit: args.limit };
  }

  /** @throws StrategicLogException LOG_ENTRY_NOT_FOUND */
  async get(partnershipId: string, id: string): Promise<StrategicLogEntry> {
    const row = await this.db.run((manager) => this.read(manager, partnershipId, id));
    if (!row) throw StrategicLogException.entryNotFound(partnershipId, id);
    return toLogEntry(row, this.suppress());
  }

  /** The entry row as it stands in `manager`'s transaction; null when there is none. */
  async read(manager: EntityManager, partnershipId: string, id: string): Promise<EntryRow | null> {
    const [row] = await manager.query<EntryRow[]>(
      `SELECT ${entryColumns('$3::date')} FROM strategic_log_entry e WHERE e.partnership_id = $1::bigint AND e.id = $2::bigint`,
      [partnershipId, id, this.today()],
    );
    return row ?? null;
  }

  async overdue(args: OverdueLogEntriesArgs): Promise<OverdueLogEntries> {
    const asOf = this.today();
    const [rows, [counted]] = await this.db.run(async (manager) => [
      await manager.query<EntryRow[]>(
        `SELECT ${entryColumns('$2::date')} FROM strategic_log_entry e
         WHERE e.partnership_id = $1::bigint AND e.status <> 'closed' AND e.review_date < $2::date
         ORDER BY e.review_date, e.id LIMIT $3`,
        [args.partnershipId, asOf, args.limit],
      ),
      await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM strategic_log_entry
         WHERE partnership_id = $1::bigint AND status <> 'closed' AND review_date < $2::date`,
        [args.partnershipId, asOf],
      ),
    ]);
    return { count: counted?.n ?? 0, asOf, entries: rows.map((row) => toLogEntry(row, this.suppress())) };
  }

  statusHistory(entry: StrategicLogEntry): Promise<StrategicLogStatusChange[]> {
    return this.db.run(async (manager) => {
      const rows = await manager.query<{ id: string; from_status: string | null; to_status: string; note: string; changed_by: string | null; changed_at: Date }[]>(
        `SELECT c.id::text, c.from_status, c.to_status, c.note, c.changed_at,
                (SELECT n.display_name FROM app_user_names(ARRAY[c.changed_by]) n) AS changed_by
         FROM strategic_log_status_change c
         WHERE c.partnership_id = $1::bigint AND c.entry_id = $2::bigint
         ORDER BY c.changed_at, c.id`,
        [entry.partnershipId, entry.id],
      );
      return rows.map((row) => ({
        id: row.id,
        fromStatus: row.from_status as StrategicLogStatusChange['fromStatus'],
        toStatus: row.to_status as StrategicLogStatusChange['toStatus'],
        note: row.note,
        changedBy: row.changed_by,
        changedAt: new Date(row.changed_at),
      }));
    });
  }

  /** The escalations linked to the entry, by raising (record-level detail). */
  linkedEscalations(entry: StrategicLogEntry): Promise<StrategicLogEscalation[]> {
    return this.escalations(
      `EXISTS (SELECT 1 FROM strategic_log_escalation l WHERE l.partnership_id = x.partnership_id AND l.entry_id = $2::bigint AND l.escalation_id = x.id)`,
      entry,
      'x.raised_at, x.id',
    );
  }

  /** Escalations of the entry's theme raised since it was added, newest first (record-level detail). */
  async themeEscalationsSinceAdded(entry: StrategicLogEntry): Promise<StrategicLogEscalation[]> {
    if (!entry.theme) return [];
    return this.escalations(
      `x.raised_at >= ($3::date::timestamp AT TIME ZONE 'Europe/London') AND x.status <> 'out_of_scope'
       AND ($4::text IS NULL OR x.category_code = $4::text) AND ($5::bigint IS NULL OR x.receiving_agency_id = $5::bigint)`,
      entry,
      'x.raised_at DESC, x.id DESC',
      [entry.addedOn, entry.theme.categoryCode, entry.theme.receivingAgencyId],
    );
  }

  private escalations(condition: string, entry: StrategicLogEntry, order: string, extra: unknown[] = []): Promise<StrategicLogEscalation[]> {
    return this.db.run(async (manager) => {
      const rows = await manager.query<Record<string, unknown>[]>(
        `SELECT x.id::text, x.reference, x.raised_at, x.status,
                coalesce((SELECT min(pc.label) FROM protocol_category pc WHERE pc.partnership_id = x.partnership_id AND pc.code = x.category_code), x.category_code) AS category_label,
                ag.name AS agency_name,
                EXISTS (SELECT 1 FROM strategic_log_escalation l
                        WHERE l.partnership_id = x.partnership_id AND l.entry_id = $2::bigint AND l.escalation_id = x.id) AS linked
         FROM escalation x JOIN agency ag ON ag.partnership_id = x.partnership_id AND ag.id = x.receiving_agency_id
         WHERE x.partnership_id = $1::bigint AND ${condition}
         ORDER BY ${order} LIMIT ${ESCALATION_LIST_LIMIT}`,
        [entry.partnershipId, entry.id, ...extra],
      );
      return rows.map((row) => ({
        id: String(row['id']),
        reference: String(row['reference']),
        raisedAt: new Date(row['raised_at'] as string),
        status: row['status'] as StrategicLogEscalation['status'],
        categoryLabel: String(row['category_label']),
        receivingAgencyName: String(row['agency_name']),
        linked: row['linked'] === true,
      }));
    });
  }

  private async count(args: StrategicLogArgs, today: string): Promise<number> {
    const [row] = await this.db.run((manager) =>
      manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM strategic_log_entry e
         WHERE e.partnership_id = $1::bigint AND (cardinality($3::text[]) = 0 OR e.status = ANY($3::text[]))
           AND (NOT $4::boolean OR (e.status <> 'closed' AND e.review_date < $2::date))`,
        [args.partnershipId, today, args.statuses ?? [], args.overdueOnly],
      ),
    );
    return row?.n ?? 0;
  }

  private today(): string {
    return localDateKey(this.clock.now());
  }

  private suppress(): boolean {
    return suppressesSmallNumbers(currentActor()?.role ?? null);
  }
}
