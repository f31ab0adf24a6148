import { checkLearningCompletion, planLearningItemStatus } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JsonValue } from '../audit/audit-hash.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { CompleteLearningItemInput } from './dto/complete-learning-item.input.js';
import type { CreateLearningItemInput } from './dto/create-learning-item.input.js';
import type { LearningEscalationsInput } from './dto/learning-escalations.input.js';
import type { UpdateLearningItemInput } from './dto/update-learning-item.input.js';
import {
  changedValues,
  cleanQuestions,
  definedOnly,
  LEARNING_ITEM_COLUMNS,
  linkedAmong,
  lockLearningItem,
  requireEscalations,
  type LearningItemField,
  type LockedLearningItem,
} from './learning-write-helpers.js';
import { LearningItemsService } from './learning-items.service.js';
import { LearningErrorCode, LearningException } from './learning.exception.js';
import type { LearningItem } from './models/learning-item.model.js';

/**
 * Writes to learning items: create one from escalations, edit it, link and unlink
 * escalations, complete it. Each is ONE transaction of the current actor (row-level
 * security confines it to the actor's partnership) that locks the item, checks the
 * change against the rules of shared/lifecycle/learning-transitions, writes, and appends
 * the audit event; a refusal rolls all of it back. Returns the item as committed.
 */
@Injectable()
export class LearningWritesService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly items: LearningItemsService,
  ) {}

  async create(input: CreateLearningItemInput, actor: Actor): Promise<LearningItem> {
    const { partnershipId } = input;
    const now = this.clock.now().toISOString();
    const values = {
      title: input.title.trim(),
      gapKind: input.gapKind,
      description: input.description?.trim() ?? '',
      referredToGroup: input.referredToGroup?.trim() ?? '',
      background: input.background?.trim() ?? '',
      whyItMatters: input.whyItMatters?.trim() ?? '',
      findings: input.findings?.trim() ?? '',
      whatToDo: input.whatToDo?.trim() ?? '',
      questions: cleanQuestions(input.questions ?? []),
    };
    const id = await this.db.run(async (manager) => {
      await requireEscalations(manager, partnershipId, input.escalationIds);
      const [row] = (await manager.query(
        `INSERT INTO learning_item (partnership_id, title, gap_kind, description, referred_to_group, background, why_it_matters,
                                    findings, what_to_do, questions, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
         RETURNING id::text AS id`,
        [partnershipId, values.title, values.gapKind, values.description, values.referredToGroup, values.background,
          values.whyItMatters, values.findings, values.whatToDo, values.questions, actor.userId, now],
      )) as [{ id: string }];
      await this.link(manager, partnershipId, row.id, input.escalationIds);
      await this.audit.append(manager, actor, {
        partnershipId,
        action: 'learning_item.created',
        entityType: 'learning_item',
        entityId: row.id,
        changes: { before: {}, after: { ...values, status: 'open', escalationIds: input.escalationIds } },
      });
      return row.id;
    });
    return this.items.get(partnershipId, id);
  }

  async update(input: UpdateLearningItemInput, actor: Actor): Promise<LearningItem> {
    await this.db.run(async (manager) => {
      const item = await lockLearningItem(manager, input.partnershipId, input.id, { expectedVersion: input.expectedVersion });
      const requested: Partial<Pick<LockedLearningItem, LearningItemField>> = definedOnly({
        title: input.title?.trim(),
        gapKind: input.gapKind,
        description: input.description?.trim(),
        referredToGroup: input.referredToGroup?.trim(),
        background: input.background?.trim(),
        whyItMatters: input.whyItMatters?.trim(),
        findings: input.findings?.trim(),
        whatToDo: input.whatToDo?.trim(),
        questions: input.questions ? cleanQuestions(input.questions) : undefined,
      });
      if (input.status) {
        const planned = planLearningItemStatus(item, input.status);
        if (!planned.ok) throw LearningException.violation(planned.violation);
        Object.assign(requested, planned.value);
      }
      const change = changedValues(item, requested);
      if (change.fields.length === 0) throw LearningException.nothingToChange('learning item');
      if ((requested.status ?? item.status) === 'closed' && item.status === 'closed') {
        throw LearningException.invalid(LearningErrorCode.LEARNING_ITEM_FINISHED, 'status', 'the learning item is closed and takes no change; reopen it (status IN_PROGRESS) to change it.');
      }
      await this.write(manager, item, change.fields.map((field) => [field, requested[field]]));
      await this.record(manager, actor, item, 'learning_item.updated', { version: item.version, ...change.before }, { version: item.version + 1, ...change.after });
    });
    return this.items.get(input.partnershipId, input.id);
  }

  async complete(input: CompleteLearningItemInput, actor: Actor): Promise<LearningItem> {
    await this.db.run(async (manager) => {
      const item = await lockLearningItem(manager, input.partnershipId, input.id, { expectedVersion: input.expectedVersion });
      const [{ open }] = (await manager.query(
        `SELECT count(*)::int AS open FROM learning_action
         WHERE partnership_id = $1 AND learning_item_id = $2 AND status IN ('not_started', 'in_progress')`,
        [item.partnershipId, item.id],
      )) as [{ open: number }];
      const violation = checkLearningCompletion(item, input.completedOn, { today: this.items.today(), openActions: open });
      if (violation) throw LearningException.violation(violation);
      if (item.status === 'completed' && item.completedOn === input.completedOn) throw LearningException.nothingToChange('learning item');
      await this.write(manager, item, [['status', 'completed'], ['completedOn', input.completedOn]]);
      await this.record(manager, actor, item, 'learning_item.completed',
        { version: item.version, status: item.status, completedOn: item.completedOn },
        { version: item.version + 1, status: 'completed', completedOn: input.completedOn });
    });
    return this.items.get(input.partnershipId, input.id);
  }

  async linkEscalations(input: LearningEscalationsInput, actor: Actor): Promise<LearningItem> {
    await this.db.run(async (manager) => {
      const item = await this.lockOpenForLinks(manager, input);
      await requireEscalations(manager, item.partnershipId, input.escalationIds);
      const already = await linkedAmong(manager, item.partnershipId, item.id, input.escalationIds);
      if (already.length > 0) {
        throw LearningException.invalid(LearningErrorCode.ESCALATION_ALREADY_LINKED, 'escalationIds',
          `escalation ${already.join(', ')} is already linked to learning item ${item.id}`, { escalationIds: already });
      }
      await this.link(manager, item.partnershipId, item.id, input.escalationIds);
      await this.touch(manager, item);
      await this.record(manager, actor, item, 'learning_item.escalations_linked', {}, { escalationIds: input.escalationIds });
    });
    return this.items.get(input.partnershipId, input.learningItemId);
  }

  async unlinkEscalations(input: LearningEscalationsInput, actor: Actor): Promise<LearningItem> {
    await this.db.run(async (manager) => {
      const item = await this.lockOpenForLinks(manager, input);
      const linked = await linkedAmong(manager, item.partnershipId, item.id, input.escalationIds);
      const notLinked = input.escalationIds.filter((id) => !linked.includes(id));
      if (notLinked.length > 0) {
        throw LearningException.invalid(LearningErrorCode.ESCALATION_NOT_LINKED, 'escalationIds',
          `escalation ${notLinked.join(', ')} is not linked to learning item ${item.id}`, { escalationIds: notLinked });
      }
      const [{ total }] = (await manager.query(
        'SELECT count(*)::int AS total FROM learning_item_escalation WHERE partnership_id = $1 AND learning_item_id = $2',
        [item.partnershipId, item.id],
      )) as [{ total: number }];
      if (total === linked.length) {
        throw LearningException.invalid(LearningErrorCode.LAST_ESCALATION, 'escalationIds',
          'a learning item is drawn from at least one escalation: link another before unlinking the last.');
      }
      await manager.query(
        'DELETE FROM learning_item_escalation WHERE partnership_id = $1 AND learning_item_id = $2 AND escalation_id = ANY($3::bigint[])',
        [item.partnershipId, item.id, input.escalationIds],
      );
      await this.touch(manager, item);
      await this.record(manager, actor, item, 'learning_item.escalations_unlinked', { escalationIds: input.escalationIds }, {});
    });
    return this.items.get(input.partnershipId, input.learningItemId);
  }

  /** A closed item keeps the escalations it had. */
  private async lockOpenForLinks(manager: EntityManager, input: LearningEscalationsInput): Promise<LockedLearningItem> {
    const item = await lockLearningItem(manager, input.partnershipId, input.learningItemId, { field: 'learningItemId' });
    if (item.status === 'closed') {
      throw LearningException.invalid(LearningErrorCode.LEARNING_ITEM_FINISHED, 'learningItemId', 'the learning item is closed: its escalations no longer change. Reopen it first.');
    }
    return item;
  }

  private link(manager: EntityManager, partnershipId: string, itemId: string, escalationIds: readonly string[]): Promise<unknown> {
    return manager.query(
      'INSERT INTO learning_item_escalation (partnership_id, learning_item_id, escalation_id) SELECT $1, $2, unnest($3::bigint[])',
      [partnershipId, itemId, [...escalationIds]],
    );
  }

  /** Sets the fields, bumps the version and the time of the last change. */
  private write(manager: EntityManager, item: LockedLearningItem, values: readonly (readonly [LearningItemField, unknown])[]): Promise<unknown> {
    const assignments = values.map(([field], i) => `${LEARNING_ITEM_COLUMNS[field]} = $${i + 4}`);
    return manager.query(
      `UPDATE learning_item SET ${[...assignments, 'version = version + 1', 'updated_at = $3'].join(', ')} WHERE partnership_id = $1 AND id = $2`,
      [item.partnershipId, item.id, this.clock.now().toISOString(), ...values.map(([, value]) => value)],
    );
  }

  /** Linking leaves the item's own fields (and so its version) alone, but it changed. */
  private touch(manager: EntityManager, item: LockedLearningItem): Promise<unknown> {
    return manager.query('UPDATE learning_item SET updated_at = $3 WHERE partnership_id = $1 AND id = $2', [
      item.partnershipId, item.id, this.clock.now().toISOString(),
    ]);
  }

  private async record(manager: EntityManager, actor: Actor, item: LockedLearningItem, action: string, before: Record<string, JsonValue>, after: Record<string, JsonValue>): Promise<void> {
    await this.audit.append(manager, actor, { partnershipId: item.partnershipId, action, entityType: 'learning_item', entityId: item.id, changes: { before, after } });
  }
}

