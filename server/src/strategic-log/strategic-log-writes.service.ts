import { checkLogStatusChange, completionAfterChange, COMPLETED_LOG_STATUSES, localDateKey, type StrategicLogStatus } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JsonValue } from '../audit/audit-hash.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { CreateLogEntryInput } from './dto/create-log-entry.input.js';
import type { RaiseLogEntryFromThemeSignalInput } from './dto/raise-log-entry.input.js';
import type { ChangeLogEntryStatusInput, RespondToLogEntryInput } from './dto/respond-to-log-entry.input.js';
import type { UpdateLogEntryInput } from './dto/update-log-entry.input.js';
import type { StrategicLogEntry } from './models/strategic-log-entry.model.js';
import { checkAgency, checkCategory, checkDate, checkEscalations, checkPartnership, checkReviewDate } from './strategic-log-checks.js';
import { StrategicLogService } from './strategic-log.service.js';
import { StrategicLogErrorCode, StrategicLogException } from './strategic-log.exception.js';
import { findThemeSignal } from './theme-signal-lookup.js';
import { longDate } from '../theme-impact/theme-impact-text.js';
import { addDays } from '../theme-impact/theme-impact-windows.js';

/** A review date when none is given: 90 days after the entry is added. */
export const DEFAULT_REVIEW_DAYS = 90;

interface NewEntry {
  readonly partnershipId: string;
  readonly title: string;
  readonly description: string;
  readonly owner: string;
  readonly categoryCode: string | null;
  readonly receivingAgencyId: string | null;
  readonly reviewDate: string | null;
  readonly escalationIds: readonly string[];
  readonly action: string;
  readonly auditFacts: Record<string, JsonValue>;
}

interface LockedEntry {
  readonly partnershipId: string;
  readonly id: string;
  readonly version: number;
  readonly status: StrategicLogStatus;
  readonly title: string;
  readonly description: string;
  readonly owner: string;
  readonly executiveResponse: string;
  readonly addedOn: string;
  readonly reviewDate: string | null;
  readonly completedOn: string | null;
}

/** Column of each field a change may set. */
const COLUMNS = {
  title: 'title',
  description: 'description',
  owner: 'owner',
  executiveResponse: 'executive_response',
  status: 'status',
  reviewDate: 'review_date',
  completedOn: 'completed_on',
} as const satisfies Partial<Record<keyof LockedEntry, string>>;
type ChangeableField = keyof typeof COLUMNS;
type EntryChange = { -readonly [K in ChangeableField]?: LockedEntry[K] };

/**
 * Every write to the strategic log, each in ONE transaction of the current actor with
 * its audit event: a refusal changes nothing. Changes to an entry lock its row, refuse a
 * stale `expectedVersion` and bump the version; status changes follow
 * STRATEGIC_LOG_TRANSITIONS (shared) and are kept in the status history with who and why.
 */
@Injectable()
export class StrategicLogWritesService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly reader: StrategicLogService,
  ) {}

  async create(input: CreateLogEntryInput, actor: Actor): Promise<StrategicLogEntry> {
    const id = await this.db.run(async (manager) => {
      await checkPartnership(manager, input.partnershipId);
      if (input.categoryCode) await checkCategory(manager, input.partnershipId, 'categoryCode', input.categoryCode);
      if (input.receivingAgencyId) await checkAgency(manager, input.partnershipId, 'receivingAgencyId', input.receivingAgencyId);
      const escalationIds = await checkEscalations(manager, input.partnershipId, 'escalationIds', input.escalationIds ?? []);
      return this.insert(manager, actor, {
        partnershipId: input.partnershipId,
        title: input.title.trim(),
        description: input.description ?? '',
        owner: input.owner ?? '',
        categoryCode: input.categoryCode ?? null,
        receivingAgencyId: input.receivingAgencyId ?? null,
        reviewDate: input.reviewDate ?? null,
        escalationIds,
        action: 'strategic_log_entry.created',
        auditFacts: {},
      });
    });
    return this.reader.get(input.partnershipId, id);
  }

  async raiseFromThemeSignal(input: RaiseLogEntryFromThemeSignalInput, actor: Actor): Promise<StrategicLogEntry> {
    const id = await this.db.run(async (manager) => {
      const { partnershipId, categoryCode, receivingAgencyId } = input;
      await checkPartnership(manager, partnershipId);
      const categoryLabel = await checkCategory(manager, partnershipId, 'categoryCode', categoryCode);
      const agencyName = await checkAgency(manager, partnershipId, 'receivingAgencyId', receivingAgencyId);
      await this.refuseDuplicate(manager, partnershipId, categoryCode, receivingAgencyId);
      const signal = await findThemeSignal(manager, input);
      const description =
        `${signal.escalationIds.length} escalations about ${categoryLabel.toLowerCase()} received by ${agencyName}, raised from ` +
        `${longDate(signal.firstRaisedOn)} to ${longDate(signal.lastRaisedOn)}: at least ${signal.minCount} within ${signal.windowDays} days ` +
        `(the theme signal found from ${longDate(input.from)} to ${longDate(addDays(input.to, -1))}).`;
      return this.insert(manager, actor, {
        partnershipId,
        title: input.title?.trim() || `${categoryLabel} with ${agencyName}`,
        description: input.description ?? description,
        owner: input.owner ?? '',
        categoryCode,
        receivingAgencyId,
        reviewDate: input.reviewDate ?? null,
        escalationIds: signal.escalationIds,
        action: 'strategic_log_entry.raised_from_theme_signal',
        auditFacts: { signal: { from: input.from, to: input.to, minCount: signal.minCount, windowDays: signal.windowDays } },
      });
    });
    return this.reader.get(input.partnershipId, id);
  }

  /** The business unit's edit: title, description, owner, review date, completion date. */
  update(input: UpdateLogEntryInput, actor: Actor): Promise<StrategicLogEntry> {
    return this.change(input, actor, 'strategic_log_entry.updated', (entry, today) => {
      const change: EntryChange = {};
      if (input.title != null) change.title = input.title.trim();
      if (input.description != null) change.description = input.description;
      if (input.owner != null) change.owner = input.owner;
      if (input.reviewDate !== undefined) {
        if (input.reviewDate !== null) checkReviewDate('reviewDate', input.reviewDate, entry.addedOn);
        change.reviewDate = input.reviewDate;
      }
      if (input.completedOn != null) change.completedOn = checkCompletion(entry, input.completedOn, today);
      return { change };
    });
  }

  /** The executive's answer: a response, a status change, or both. */
  respond(input: RespondToLogEntryInput, actor: Actor): Promise<StrategicLogEntry> {
    return this.change(input, actor, 'strategic_log_entry.responded', (entry, today) => {
      const change: EntryChange = input.status ? statusChange(entry, input.status, today) : {};
      if (input.executiveResponse != null) change.executiveResponse = input.executiveResponse;
      return { change, note: input.note ?? '' };
    });
  }

  changeStatus(input: ChangeLogEntryStatusInput, actor: Actor): Promise<StrategicLogEntry> {
    return this.change(input, actor, 'strategic_log_entry.status_changed', (entry, today) => ({
      change: statusChange(entry, input.status, today),
      note: input.note ?? '',
    }));
  }

  private async change(
    target: { partnershipId: string; id: string; expectedVersion: number },
    actor: Actor,
    action: string,
    decide: (entry: LockedEntry, today: string) => { change: EntryChange; note?: string },
  ): Promise<StrategicLogEntry> {
    await this.db.run(async (manager) => {
      const entry = await this.lock(manager, target);
      const now = this.clock.now();
      const { change, note } = decide(entry, localDateKey(now));
      const fields = (Object.keys(change) as ChangeableField[]).filter((field) => change[field] !== entry[field]);
      if (fields.length === 0) throw StrategicLogException.nothingToChange();
      await manager.query(
        `UPDATE strategic_log_entry SET ${fields.map((field, i) => `${COLUMNS[field]} = $${i + 4}`).join(', ')}, version = version + 1, updated_at = $3
         WHERE partnership_id = $1::bigint AND id = $2::bigint`,
        [entry.partnershipId, entry.id, now.toISOString(), ...fields.map((field) => change[field])],
      );
      if (fields.includes('status')) {
        await manager.query(
          `INSERT INTO strategic_log_status_change (partnership_id, entry_id, from_status, to_status, note, changed_by, changed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [entry.partnershipId, entry.id, entry.status, change.status, note ?? '', actor.userId, now.toISOString()],
        );
      }
      const before: Record<string, JsonValue> = { version: entry.version };
      const after: Record<string, JsonValue> = { version: entry.version + 1 };
      for (const field of fields) {
        before[field] = entry[field];
        after[field] = change[field] ?? null;
      }
      if (fields.includes('status') && note) after['note'] = note;
      await this.audit.append(manager, actor, {
        partnershipId: entry.partnershipId,
        action,
        entityType: 'strategic_log_entry',
        entityId: entry.id,
        changes: { before, after },
      });
    });
    return this.reader.get(target.partnershipId, target.id);
  }

  private async lock(manager: EntityManager, target: { partnershipId: string; id: string; expectedVersion: number }): Promise<LockedEntry> {
    const [row] = await manager.query<Record<string, unknown>[]>(
      `SELECT partnership_id::text, id::text, version, status, title, description, owner, executive_response,
              added_on::text, review_date::text, completed_on::text
       FROM strategic_log_entry WHERE partnership_id = $1::bigint AND id = $2::bigint FOR UPDATE`,
      [target.partnershipId, target.id],
    );
    if (!row) throw StrategicLogException.entryNotFound(target.partnershipId, target.id);
    const version = Number(row['version']);
    if (version !== target.expectedVersion) throw StrategicLogException.versionConflict(target.expectedVersion, version);
    return {
      partnershipId: String(row['partnership_id']),
      id: String(row['id']),
      version,
      status: row['status'] as StrategicLogStatus,
      title: String(row['title']),
      description: String(row['description']),
      owner: String(row['owner']),
      executiveResponse: String(row['executive_response']),
      addedOn: String(row['added_on']),
      reviewDate: (row['review_date'] as string | null) ?? null,
      completedOn: (row['completed_on'] as string | null) ?? null,
    };
  }

  private async insert(manager: EntityManager, actor: Actor, entry: NewEntry): Promise<string> {
    const now = this.clock.now();
    const addedOn = localDateKey(now);
    const reviewDate = entry.reviewDate ?? addDays(addedOn, DEFAULT_REVIEW_DAYS);
    checkReviewDate('reviewDate', reviewDate, addedOn);
    const [{ id }] = (await manager.query(
      `INSERT INTO strategic_log_entry (partnership_id, title, description, theme_category_code, theme_receiving_agency_id, added_on,
         owner, status, review_date, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10, $10) RETURNING id::text`,
      [entry.partnershipId, entry.title, entry.description, entry.categoryCode, entry.receivingAgencyId, addedOn, entry.owner, reviewDate,
        actor.userId, now.toISOString()],
    )) as [{ id: string }];
    if (entry.escalationIds.length > 0) {
      await manager.query(
        `INSERT INTO strategic_log_escalation (partnership_id, entry_id, escalation_id, linked_at)
         SELECT $1, $2, unnest($3::bigint[]), $4`,
        [entry.partnershipId, id, entry.escalationIds, now.toISOString()],
      );
    }
    await manager.query(
      `INSERT INTO strategic_log_status_change (partnership_id, entry_id, from_status, to_status, note, changed_by, changed_at)
       VALUES ($1, $2, NULL, 'open', 'Added to the log.', $3, $4)`,
      [entry.partnershipId, id, actor.userId, now.toISOString()],
    );
    await this.audit.append(manager, actor, {
      partnershipId: entry.partnershipId,
      action: entry.action,
      entityType: 'strategic_log_entry',
      entityId: id,
      changes: {
        before: {},
        after: {
          title: entry.title, description: entry.description, owner: entry.owner, status: 'open', addedOn, reviewDate,
          categoryCode: entry.categoryCode, receivingAgencyId: entry.receivingAgencyId, escalationIds: [...entry.escalationIds], ...entry.auditFacts,
        },
      },
    });
    return id;
  }

  private async refuseDuplicate(manager: EntityManager, partnershipId: string, categoryCode: string, receivingAgencyId: string): Promise<void> {
    const [existing] = await manager.query<{ id: string; title: string }[]>(
      `SELECT id::text, title FROM strategic_log_entry
       WHERE partnership_id = $1::bigint AND theme_category_code = $2 AND theme_receiving_agency_id = $3::bigint AND status <> 'closed'
       ORDER BY added_on DESC, id DESC LIMIT 1`,
      [partnershipId, categoryCode, receivingAgencyId],
    );
    if (existing) {
      throw StrategicLogException.invalid(
        StrategicLogErrorCode.THEME_ALREADY_ON_LOG,
        'categoryCode',
        `the theme is already on the log and not closed: entry ${existing.id}, "${existing.title}"`,
        { entryId: existing.id },
      );
    }
  }
}

function statusChange(entry: LockedEntry, to: StrategicLogStatus, today: string): EntryChange {
  const check = checkLogStatusChange(entry.status, to);
  if (!check.ok) throw StrategicLogException.invalid(StrategicLogErrorCode.STATUS_CHANGE_NOT_ALLOWED, 'status', check.reason);
  return { status: to, completedOn: completionAfterChange(to, entry.completedOn, today) };
}

function checkCompletion(entry: LockedEntry, completedOn: string, today: string): string {
  checkDate('completedOn', completedOn);
  const refuse = (reason: string) => StrategicLogException.invalid(StrategicLogErrorCode.INVALID_COMPLETION_DATE, 'completedOn', reason);
  if (!COMPLETED_LOG_STATUSES.includes(entry.status)) throw refuse(`only an actioned or closed entry has a completion date; this one is ${entry.status.replace('_', ' ')}`);
  if (completedOn < entry.addedOn) throw refuse(`${completedOn} is before the entry was added (${entry.addedOn})`);
  if (completedOn > today) throw refuse(`${completedOn} is in the future`);
  return completedOn;
}
