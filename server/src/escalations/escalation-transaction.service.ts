import { Injectable } from '@nestjs/common';
import type { StageDefinition, Urgency } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import type { JsonValue } from '../audit/audit-hash.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { ProtocolStageEntity } from '../protocols/protocol-stage.entity.js';
import { ProtocolEntity } from '../protocols/protocol.entity.js';
import { EscalationEntity } from './entities/escalation.entity.js';
import { MilestoneEntity } from './entities/milestone.entity.js';
import { StageEntryEntity } from './entities/stage-entry.entity.js';
import { changedFields, ESCALATION_COLUMNS, recordedValues, type EscalationColumns } from './escalation-columns.js';
import { ladderColumns, toStageDefinition } from './escalation-journey.js';
import { EscalationsException } from './escalations.exception.js';
import { EscalationsService } from './escalations.service.js';
import type { Escalation } from './models/escalation.model.js';
import { TimescaleOutcomesService, type EscalationKey } from './timescale-outcomes.service.js';

export interface EscalationTarget {
  readonly partnershipId: string;
  readonly escalationId: string;
  readonly expectedVersion: number;
}

/** An escalation locked for change, with everything the journey rules need. */
export interface LockedEscalation {
  readonly manager: EntityManager;
  readonly now: Date;
  readonly escalation: EscalationEntity;
  readonly skipAllowedFor: readonly Urgency[];
  readonly ladder: readonly StageDefinition[];
  /** In ladder order. */
  readonly entries: readonly StageEntryEntity[];
  readonly milestones: readonly MilestoneEntity[];
}

/** What a change did, for the transaction to finish: columns to set and what to tell the audit trail. */
export interface EscalationChange {
  /** `escalation.<verb>`. */
  readonly action: string;
  /** Escalation columns the change sets; the ladder columns are derived from the stage entries afterwards. */
  readonly set?: Partial<EscalationColumns>;
  /** What else changed (a stage entry, a milestone, a correction), before and after. */
  readonly before?: Record<string, JsonValue>;
  readonly after?: Record<string, JsonValue>;
}

/**
 * The shape of every write to an escalation, in ONE transaction of the current actor
 * (TenantDatabase: row-level security confines it to the actor's partnership): lock the row
 * (SELECT … FOR UPDATE), check the version, run the change, re-derive the denormalised
 * ladder columns, bump the version, recompute the timescale outcomes and append the
 * audit event. A refusal thrown by the change rolls all of it back.
 */
@Injectable()
export class EscalationTransactionService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
    private readonly outcomes: TimescaleOutcomesService,
    private readonly audit: AuditService,
    private readonly escalations: EscalationsService,
  ) {}

  /**
   * Runs `work` on the locked escalation and finishes the write; returns the escalation as
   * committed, read inside the same transaction so that a failure to read it rolls the write back.
   */
  async change(target: EscalationTarget, actor: Actor, work: (locked: LockedEscalation) => Promise<EscalationChange>): Promise<Escalation> {
    return this.db.run(async (manager) => {
      const locked = await this.lock(manager, target);
      const change = await work(locked);
      await this.finish(locked, change, actor);
      return this.escalations.get(target.partnershipId, target.escalationId);
    });
  }

  /** Recomputes the outcomes and appends the audit event of a write already made in `manager`'s transaction. */
  async afterWrite(manager: EntityManager, key: EscalationKey, actor: Actor, now: Date, event: { action: string; before: Record<string, JsonValue>; after: Record<string, JsonValue> }): Promise<void> {
    await this.outcomes.recompute(manager, [key], now);
    await this.audit.append(manager, actor, {
      partnershipId: key.partnershipId,
      action: event.action,
      entityType: 'escalation',
      entityId: key.id,
      changes: { before: event.before, after: event.after },
    });
  }

  private async lock(manager: EntityManager, target: EscalationTarget): Promise<LockedEscalation> {
    const { partnershipId, escalationId } = target;
    const escalation = await manager.findOne(EscalationEntity, {
      where: { partnershipId, id: escalationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!escalation) throw EscalationsException.notFound(partnershipId, escalationId);
    if (escalation.version !== target.expectedVersion) throw EscalationsException.versionConflict(target.expectedVersion, escalation.version);
    const protocolKey = { partnershipId, protocolId: escalation.protocolId };
    // One connection runs one query at a time: these go in turn.
    const protocol = await manager.findOneByOrFail(ProtocolEntity, { partnershipId, id: escalation.protocolId });
    const stages = await manager.find(ProtocolStageEntity, { where: protocolKey, order: { ladderOrder: 'ASC' } });
    const entries = await this.entriesOf(manager, escalation);
    const milestones = await manager.find(MilestoneEntity, { where: { partnershipId, escalationId }, order: { occurredAt: 'ASC', id: 'ASC' } });
    return {
      manager,
      now: this.clock.now(),
      escalation,
      skipAllowedFor: protocol.skipAllowedFor,
      ladder: stages.map(toStageDefinition),
      entries,
      milestones,
    };
  }

  private entriesOf(manager: EntityManager, escalation: EscalationEntity): Promise<StageEntryEntity[]> {
    return manager.find(StageEntryEntity, {
      where: { partnershipId: escalation.partnershipId, escalationId: escalation.id },
      order: { ladderOrder: 'ASC' },
    });
  }

  private async finish(locked: LockedEscalation, change: EscalationChange, actor: Actor): Promise<void> {
    const { manager, escalation, now } = locked;
    const entries = await this.entriesOf(manager, escalation);
    const next = { ...change.set, ...ladderColumns(entries, change.set?.status ?? escalation.status) };
    const fields = changedFields(escalation, next);
    const assignments = fields.map((field, i) => `${ESCALATION_COLUMNS[field]} = $${i + 4}`);
    await manager.query(
      `UPDATE escalation SET ${[...assignments, 'version = version + 1', 'updated_at = $3'].join(', ')}
       WHERE partnership_id = $1 AND id = $2`,
      [escalation.partnershipId, escalation.id, now.toISOString(), ...fields.map((field) => toParameter(next[field]))],
    );
    await this.afterWrite(manager, { partnershipId: escalation.partnershipId, id: escalation.id }, actor, now, {
      action: change.action,
      before: { version: escalation.version, ...recordedValues(escalation, fields), ...change.before },
      after: { version: escalation.version + 1, ...recordedValues(next, fields), ...change.after },
    });
  }
}

function toParameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
