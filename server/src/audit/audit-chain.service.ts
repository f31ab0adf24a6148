import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database.js';
import { PartnershipsService } from '../partnerships/partnerships.service.js';
import { auditEventHash, type JsonValue } from './audit-hash.js';
import type { AuditChainVerification } from './models/audit-chain-verification.model.js';

const BATCH = 1000;

interface StoredEvent {
  id: string;
  partnership_id: string | null;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: JsonValue;
  request_ip: string | null;
  request_id: string | null;
  previous_hash: string | null;
  hash: string;
}

/** Re-walks a partnership's audit chain in id order, a batch at a time (as the actor: row-level security applies). */
@Injectable()
export class AuditChainService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly partnerships: PartnershipsService,
  ) {}

  /**
   * Recomputes every event's hash from its stored fields and the previous event's hash.
   * Stops at the first event whose stored hash or previous hash does not match.
   * `partnershipId` null: the chain of events outside any partnership (sign-ins of users
   * of no partnership), which only administrators of every partnership can read.
   * @throws PartnershipsException PARTNERSHIP_NOT_FOUND
   */
  async verify(partnershipId: string | null): Promise<AuditChainVerification> {
    if (partnershipId !== null) await this.partnerships.get(partnershipId);
    const inChain = partnershipId === null ? 'partnership_id IS NULL' : 'partnership_id = $2';
    let previousHash: string | null = null;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      // audit_event.id, not id: the bare name would be the text column of the select list, and '10' sorts before '9'.
      const events: StoredEvent[] = await this.db.run((manager) => manager.query(
        `SELECT id::text, partnership_id::text, occurred_at, actor_user_id::text, actor_label, action, entity_type, entity_id,
                changes, request_ip, request_id, previous_hash, hash
         FROM audit_event WHERE ${inChain} AND id > $1 ORDER BY audit_event.id LIMIT ${BATCH}`,
        partnershipId === null ? [afterId] : [afterId, partnershipId],
      ));
      for (const event of events) {
        checked += 1;
        const problem = this.problemWith(event, previousHash);
        if (problem) return { partnershipId, valid: false, eventsChecked: checked, firstInvalidEventId: event.id, problem };
        previousHash = event.hash;
      }
      if (events.length < BATCH) return { partnershipId, valid: true, eventsChecked: checked, firstInvalidEventId: null, problem: null };
      afterId = events[events.length - 1]!.id;
    }
  }

  private problemWith(event: StoredEvent, previousHash: string | null): string | null {
    if (event.previous_hash !== previousHash) return 'Its previous hash is not the hash of the event before it: an event was removed or inserted.';
    const recomputed = auditEventHash(previousHash, {
      id: event.id,
      partnershipId: event.partnership_id,
      occurredAt: event.occurred_at.toISOString(),
      actorUserId: event.actor_user_id,
      actorLabel: event.actor_label,
      action: event.action,
      entityType: event.entity_type,
      entityId: event.entity_id,
      changes: event.changes,
      requestIp: event.request_ip,
      requestId: event.request_id,
    });
    return recomputed === event.hash ? null : 'Its contents do not match its hash: the event was changed after it was written.';
  }
}
