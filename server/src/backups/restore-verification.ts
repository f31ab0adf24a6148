import type pg from 'pg';
import { auditEventHash, type JsonValue } from '../audit/audit-hash.js';
import type { BackupManifest } from './backup-manifest.js';
import { countRows, readAuditChainHeads } from './database-catalogue.js';

export interface TableCheck {
  readonly table: string;
  readonly expected: number;
  readonly restored: number;
}

export interface ChainCheck {
  readonly partnershipId: string | null;
  readonly events: number;
  /** Every event's hash recomputes from its fields and the previous event's hash. */
  readonly intact: boolean;
  /** The chain ends at the event and hash the backup recorded, with as many events. */
  readonly matchesBackup: boolean;
  readonly problem: string | null;
}

export interface RestoreVerification {
  readonly tables: readonly TableCheck[];
  readonly chains: readonly ChainCheck[];
  readonly ok: boolean;
}

/**
 * Checks a restored database against its backup's manifest: the exact row count of every
 * table, and every audit chain re-walked event by event (the same hashing as
 * AuditChainService) and ending where the backup said it did. Run on the owner's
 * connection with row-level security off, so every row is counted.
 */
export async function verifyRestoredDatabase(client: pg.ClientBase, manifest: BackupManifest): Promise<RestoreVerification> {
  const counts = await countRows(client, manifest.tables.map((t) => t.name));
  const tables = manifest.tables.map((t) => ({ table: t.name, expected: t.rows, restored: counts.get(t.name) ?? -1 }));
  const heads = await readAuditChainHeads(client);
  const chainIds = new Set([...manifest.auditChains, ...heads].map((h) => h.partnershipId));
  const chains: ChainCheck[] = [];
  for (const partnershipId of chainIds) {
    const walked = await walkChain(client, partnershipId);
    const expected = manifest.auditChains.find((h) => h.partnershipId === partnershipId);
    const matchesBackup = expected !== undefined && expected.events === walked.events && expected.lastHash === walked.lastHash;
    chains.push({
      partnershipId,
      events: walked.events,
      intact: walked.problem === null,
      matchesBackup,
      problem: walked.problem ?? (matchesBackup ? null : `the chain ends after ${walked.events} events, not where the backup recorded`),
    });
  }
  const ok = tables.every((t) => t.expected === t.restored) && chains.every((c) => c.intact && c.matchesBackup);
  return { tables, chains, ok };
}

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

const BATCH = 5000;

async function walkChain(client: pg.ClientBase, partnershipId: string | null): Promise<{ events: number; lastHash: string | null; problem: string | null }> {
  let previousHash: string | null = null;
  let afterId = '0';
  let events = 0;
  for (;;) {
    const { rows } = await client.query<StoredEvent>(
      `SELECT id::text, partnership_id::text, occurred_at, actor_user_id::text, actor_label, action, entity_type, entity_id,
              changes, request_ip, request_id, previous_hash, hash
       FROM audit_event WHERE ${partnershipId === null ? 'partnership_id IS NULL AND $1::bigint IS NULL' : 'partnership_id = $1'} AND id > $2
       ORDER BY audit_event.id LIMIT ${BATCH}`, // not the text column `id` of the select list: '10' sorts before '9'
      [partnershipId, afterId],
    );
    for (const event of rows) {
      events += 1;
      if (event.previous_hash !== previousHash) return { events, lastHash: null, problem: `event ${event.id} does not follow the event before it` };
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
      if (recomputed !== event.hash) return { events, lastHash: null, problem: `event ${event.id} does not match its hash` };
      previousHash = event.hash;
    }
    if (rows.length < BATCH) return { events, lastHash: previousHash, problem: null };
    afterId = rows[rows.length - 1]!.id;
  }
}
