import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR, type Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { PartnershipsException } from '../partnerships/partnerships.exception.js';
import {
  CLEAR_CORRECTIONS, CLEAR_ESCALATIONS, CLEAR_MILESTONES, CLEAR_STAGE_ENTRIES, DETAIL_COUNTS, dueEscalations, IMPORT_SAMPLES,
} from './retention-sql.js';

export type RetentionTrigger = 'schedule' | 'command line';

export interface RetentionRunOptions {
  /** List what would be cleared, and change nothing (no audit event either). */
  readonly dryRun?: boolean;
  /** Only this partnership (default: every partnership with a retention period). */
  readonly partnershipId?: string;
  readonly trigger: RetentionTrigger;
}

export interface PartnershipRetention {
  readonly partnershipId: string;
  readonly partnershipName: string;
  /** Null: the partnership keeps detail (nothing is cleared). */
  readonly yearsAfterClose: number | null;
  /** Escalations closed before this instant are past the period; null when there is no period. */
  readonly closedBefore: Date | null;
  readonly escalations: number;
  readonly stageEntries: number;
  readonly milestones: number;
  readonly corrections: number;
  /** Uploads made before `closedBefore` whose sample rows or quoted cell values are cleared. */
  readonly importFiles: number;
  /** References of the escalations cleared (or, in a dry run, that would be), oldest closed first. */
  readonly references: readonly string[];
  /** The audit event of the run; null in a dry run or without a period. */
  readonly auditEventId: string | null;
}

export interface RetentionRun {
  readonly dryRun: boolean;
  readonly at: Date;
  readonly partnerships: readonly PartnershipRetention[];
}

interface PartnershipRow {
  id: string;
  name: string;
  retention_years: number | null;
}

/**
 * The retention job: for each partnership with a retention period of N years, clears the
 * record-level detail of its escalations closed more than N years ago (retention-sql.ts)
 * and stamps them `retention_applied_at`, and the sample rows of files uploaded for import
 * more than N years ago. Each partnership is one transaction, as the
 * system actor of that partnership (row-level security applies), with one audit event
 * giving the counts — never the content, never the references. The audit trail itself is
 * not rewritten: it is append-only evidence (docs/operations.md, "Retention").
 */
@Injectable()
export class RetentionJobService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** @throws PartnershipsException PARTNERSHIP_NOT_FOUND for an unknown `partnershipId` */
  async run(options: RetentionRunOptions): Promise<RetentionRun> {
    const at = this.clock.now();
    const rows: PartnershipRow[] = await this.db.runAs(SYSTEM_ACTOR, (manager) => manager.query(
      `SELECT id::text, name, retention_years FROM partnership WHERE $1::bigint IS NULL OR id = $1::bigint ORDER BY partnership.id`,
      [options.partnershipId ?? null],
    ));
    if (options.partnershipId !== undefined && rows.length === 0) throw PartnershipsException.notFound(options.partnershipId);
    const partnerships: PartnershipRetention[] = [];
    for (const row of rows) {
      if (row.retention_years === null) {
        if (options.partnershipId !== undefined) partnerships.push(kept(row));
        continue;
      }
      partnerships.push(await this.runPartnership(row, row.retention_years, at, options));
    }
    return { dryRun: options.dryRun ?? false, at, partnerships };
  }

  private runPartnership(row: PartnershipRow, years: number, at: Date, options: RetentionRunOptions): Promise<PartnershipRetention> {
    const actor: Actor = { ...SYSTEM_ACTOR, partnershipId: row.id };
    const closedBefore = yearsBefore(at, years);
    const dryRun = options.dryRun ?? false;
    return this.db.runAs(actor, async (manager) => {
      const due: { id: string; reference: string }[] = await manager.query(dueEscalations(!dryRun), [row.id, closedBefore.toISOString()]);
      const ids = due.map((e) => e.id);
      const base = { partnershipId: row.id, partnershipName: row.name, yearsAfterClose: years, closedBefore, references: due.map((e) => e.reference) };
      if (dryRun) {
        const [counts] = (await manager.query(DETAIL_COUNTS, [row.id, ids])) as [{ stageEntries: number; milestones: number; corrections: number }];
        const importFiles = await count(manager, IMPORT_SAMPLES, [row.id, closedBefore.toISOString(), false]);
        return { ...base, escalations: due.length, ...counts, importFiles, auditEventId: null };
      }
      const counts = {
        escalations: due.length === 0 ? 0 : await count(manager, CLEAR_ESCALATIONS, [row.id, ids, at.toISOString()]),
        stageEntries: due.length === 0 ? 0 : await count(manager, CLEAR_STAGE_ENTRIES, [row.id, ids]),
        milestones: due.length === 0 ? 0 : await count(manager, CLEAR_MILESTONES, [row.id, ids]),
        corrections: due.length === 0 ? 0 : await count(manager, CLEAR_CORRECTIONS, [row.id, ids]),
        importFiles: await count(manager, IMPORT_SAMPLES, [row.id, closedBefore.toISOString(), true]),
      };
      const auditEventId = await this.audit.append(manager, actor, {
        partnershipId: row.id,
        action: 'retention.applied',
        entityType: 'partnership',
        entityId: row.id,
        changes: { before: {}, after: { yearsAfterClose: years, closedBefore: closedBefore.toISOString(), trigger: options.trigger, ...counts } },
      });
      return { ...base, ...counts, auditEventId };
    });
  }
}

function kept(row: PartnershipRow): PartnershipRetention {
  return {
    partnershipId: row.id, partnershipName: row.name, yearsAfterClose: null, closedBefore: null,
    escalations: 0, stageEntries: 0, milestones: 0, corrections: 0, importFiles: 0, references: [], auditEventId: null,
  };
}

async function count(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const [{ n }] = (await manager.query(sql, parameters)) as [{ n: number }];
  return n;
}

/** The same instant `years` calendar years earlier (29 February falls back to 1 March). */
export function yearsBefore(at: Date, years: number): Date {
  const before = new Date(at.getTime());
  before.setUTCFullYear(before.getUTCFullYear() - years);
  return before;
}
