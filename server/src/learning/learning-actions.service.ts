import { planLearningActionChange, type LearningActionStatus } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { AddLearningActionInput } from './dto/add-learning-action.input.js';
import type { UpdateLearningActionInput } from './dto/update-learning-action.input.js';
import { changedValues, definedOnly, lockLearningItem } from './learning-write-helpers.js';
import { LearningItemsService } from './learning-items.service.js';
import { LearningException } from './learning.exception.js';
import type { LearningItem } from './models/learning-item.model.js';

/** An action's own columns, as locked for a change. */
interface LockedAction {
  readonly learningItemId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueOn: string | null;
  readonly status: LearningActionStatus;
  readonly evidenceOfImpact: string;
  readonly completedOn: string | null;
  readonly version: number;
}

const ACTION_COLUMNS = {
  description: 'description',
  owner: 'owner',
  dueOn: 'due_on',
  status: 'status',
  evidenceOfImpact: 'evidence_of_impact',
  completedOn: 'completed_on',
} as const satisfies Partial<Record<keyof LockedAction, string>>;

type ActionField = keyof typeof ACTION_COLUMNS;

/**
 * Adds and changes the actions of learning items, each in ONE transaction that locks the
 * item first (so that an action cannot change while the item is being completed), checks
 * the status rules (shared/lifecycle/learning-transitions: done needs the date it was
 * done, today or earlier), writes and appends the audit event. Returns the item.
 */
@Injectable()
export class LearningActionsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly items: LearningItemsService,
  ) {}

  async add(input: AddLearningActionInput, actor: Actor): Promise<LearningItem> {
    await this.db.run(async (manager) => {
      const item = await lockLearningItem(manager, input.partnershipId, input.learningItemId, { field: 'learningItemId' });
      const planned = planLearningActionChange(null, definedOnly({ status: input.status, completedOn: input.completedOn }), {
        today: this.items.today(),
        itemStatus: item.status,
      });
      if (!planned.ok) throw LearningException.violation(planned.violation);
      const values = {
        description: input.description.trim(),
        owner: input.owner.trim(),
        dueOn: input.dueOn ?? null,
        status: planned.value.status,
        evidenceOfImpact: input.evidenceOfImpact?.trim() ?? '',
        completedOn: planned.value.completedOn,
      };
      const now = this.clock.now().toISOString();
      const [row] = (await manager.query(
        `INSERT INTO learning_action (partnership_id, learning_item_id, description, owner, due_on, status, evidence_of_impact, completed_on, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         RETURNING id::text AS id`,
        [item.partnershipId, item.id, values.description, values.owner, values.dueOn, values.status, values.evidenceOfImpact, values.completedOn, now],
      )) as [{ id: string }];
      await this.audit.append(manager, actor, {
        partnershipId: item.partnershipId,
        action: 'learning_action.added',
        entityType: 'learning_action',
        entityId: row.id,
        changes: { before: {}, after: { learningItemId: item.id, ...values } },
      });
    });
    return this.items.get(input.partnershipId, input.learningItemId);
  }

  async update(input: UpdateLearningActionInput, actor: Actor): Promise<LearningItem> {
    const itemId = await this.db.run(async (manager) => {
      const found = await this.itemOf(manager, input.partnershipId, input.id);
      const item = await lockLearningItem(manager, input.partnershipId, found);
      const action = await this.lock(manager, input.partnershipId, input.id);
      if (action.version !== input.expectedVersion) throw LearningException.versionConflict('action', input.expectedVersion, action.version);
      const planned = planLearningActionChange(action, definedOnly({ status: input.status, completedOn: input.completedOn }), {
        today: this.items.today(),
        itemStatus: item.status,
      });
      if (!planned.ok) throw LearningException.violation(planned.violation);
      const requested = definedOnly({
        description: input.description?.trim(),
        owner: input.owner?.trim(),
        dueOn: input.dueOn,
        evidenceOfImpact: input.evidenceOfImpact?.trim(),
      });
      const change = changedValues(action, { ...requested, ...planned.value });
      if (change.fields.length === 0) throw LearningException.nothingToChange('action');
      const fields = change.fields as ActionField[];
      const next: Record<ActionField, unknown> = { ...action, ...requested, ...planned.value };
      await manager.query(
        `UPDATE learning_action SET ${[...fields.map((field, i) => `${ACTION_COLUMNS[field]} = $${i + 4}`), 'version = version + 1', 'updated_at = $3'].join(', ')}
         WHERE partnership_id = $1 AND id = $2`,
        [input.partnershipId, input.id, this.clock.now().toISOString(), ...fields.map((field) => next[field])],
      );
      await this.audit.append(manager, actor, {
        partnershipId: input.partnershipId,
        action: 'learning_action.updated',
        entityType: 'learning_action',
        entityId: input.id,
        changes: { before: { version: action.version, ...change.before }, after: { version: action.version + 1, ...change.after } },
      });
      return item.id;
    });
    return this.items.get(input.partnershipId, itemId);
  }

  /** @throws LearningException LEARNING_ACTION_NOT_FOUND */
  private async itemOf(manager: EntityManager, partnershipId: string, actionId: string): Promise<string> {
    const rows: { itemId: string }[] = await manager.query(
      'SELECT learning_item_id::text AS "itemId" FROM learning_action WHERE partnership_id = $1 AND id = $2',
      [partnershipId, actionId],
    );
    if (!rows[0]) throw LearningException.actionNotFound(partnershipId, actionId);
    return rows[0].itemId;
  }

  private async lock(manager: EntityManager, partnershipId: string, actionId: string): Promise<LockedAction> {
    const rows: LockedAction[] = await manager.query(
      `SELECT learning_item_id::text AS "learningItemId", description, owner, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", status,
              evidence_of_impact AS "evidenceOfImpact", to_char(completed_on, 'YYYY-MM-DD') AS "completedOn", version
       FROM learning_action WHERE partnership_id = $1 AND id = $2 FOR UPDATE`,
      [partnershipId, actionId],
    );
    if (!rows[0]) throw LearningException.actionNotFound(partnershipId, actionId);
    return rows[0];
  }
}

