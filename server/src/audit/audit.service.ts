import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { auditEventHash, toJsonValue, type AuditChanges, type HashedAuditFields } from './audit-hash.js';

export interface AuditEntry {
  /** The partnership whose chain the event joins; null for events outside any partnership. */
  readonly partnershipId: string | null;
  /** `<entity>.<verb>`, e.g. `escalation.recorded`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly changes: AuditChanges;
}

/** The advisory-lock key that serialises appends to one partnership's chain. */
export function auditChainLockName(partnershipId: string | null): string {
  return `audit-chain:${partnershipId ?? 'none'}`;
}

/**
 * Appends events to the audit trail. Called inside the transaction of the write it
 * records, so that the write and its event commit (or roll back) together. Appends to
 * one partnership's chain are serialised by a transaction-scoped advisory lock: the
 * previous hash is read, and the id drawn, only once the lock is held, so ids follow
 * the chain.
 */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  async append(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<string> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [auditChainLockName(entry.partnershipId)]);
    const previous: { hash: string }[] = entry.partnershipId === null
      ? await manager.query('SELECT hash FROM audit_event WHERE partnership_id IS NULL ORDER BY id DESC LIMIT 1')
      : await manager.query('SELECT hash FROM audit_event WHERE partnership_id = $1 ORDER BY id DESC LIMIT 1', [entry.partnershipId]);
    const previousHash = previous[0]?.hash ?? null;
    const [{ id }] = (await manager.query(`SELECT nextval(pg_get_serial_sequence('audit_event', 'id'))::text AS id`)) as [{ id: string }];

    const fields: HashedAuditFields = {
      id,
      partnershipId: entry.partnershipId,
      occurredAt: this.clock.now().toISOString(),
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: toJsonValue(entry.changes),
      requestIp: actor.requestIp,
      requestId: actor.requestId,
    };
    await manager.query(
      `INSERT INTO audit_event (id, partnership_id, occurred_at, actor_user_id, actor_label, action, entity_type, entity_id,
                                changes, request_ip, request_id, previous_hash, hash)
       OVERRIDING SYSTEM VALUE
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        fields.id, fields.partnershipId, fields.occurredAt, fields.actorUserId, fields.actorLabel, fields.action,
        fields.entityType, fields.entityId, JSON.stringify(fields.changes), fields.requestIp, fields.requestId,
        previousHash, auditEventHash(previousHash, fields),
      ],
    );
    return id;
  }
}
