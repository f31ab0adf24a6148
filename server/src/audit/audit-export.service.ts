import type { Writable } from 'node:stream';
import { formatUkDateTime } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor/actor.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { writeCsv, type CsvColumn } from '../exports/csv/csv-writer.js';
import { AuditService } from './audit.service.js';
import { AuditTrailService } from './audit-trail.service.js';
import type { AuditTrailFilter } from './dto/audit-trail-filter.input.js';
import type { AuditEvent } from './models/audit-event.model.js';

/** The trail's CSV columns: what the page shows, with the UK time beside the exact instant, and both hashes. */
const COLUMNS: readonly CsvColumn<AuditEvent>[] = [
  { header: 'Event id', value: (e) => e.id },
  { header: 'Occurred (UK time)', value: (e) => formatUkDateTime(e.occurredAt) },
  { header: 'Occurred at (UTC)', value: (e) => e.occurredAt },
  { header: 'Partnership id', value: (e) => e.partnershipId },
  { header: 'Actor', value: (e) => e.actorLabel },
  { header: 'Actor user id', value: (e) => e.actorUserId },
  { header: 'Action', value: (e) => e.action },
  { header: 'Record type', value: (e) => e.entityType },
  { header: 'Record id', value: (e) => e.entityId },
  { header: 'Changes (JSON)', value: (e) => (e.changesWithheld ? 'withheld: record-level detail' : e.changes) },
  { header: 'Request IP', value: (e) => e.requestIp },
  { header: 'Request id', value: (e) => e.requestId },
  { header: 'Hash', value: (e) => e.hash },
  { header: 'Previous hash', value: (e) => e.previousHash },
];

/**
 * The filtered audit trail as CSV, newest first, streamed from one REPEATABLE READ
 * snapshot. The download is itself audited (it copies record-level detail out of the app).
 */
@Injectable()
export class AuditExportService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly trail: AuditTrailService,
    private readonly audit: AuditService,
  ) {}

  /** @throws AuditException INVALID_PERIOD */
  write(out: Writable, filter: AuditTrailFilter, actor: Actor): Promise<number> {
    return this.db.run(async (manager) => {
      const count = await writeCsv(out, COLUMNS, this.trail.batches(manager, filter));
      await this.audit.append(manager, actor, {
        partnershipId: filter.partnershipId ?? actor.partnershipId,
        action: 'audit_trail.exported',
        entityType: 'audit_event',
        entityId: null,
        changes: { before: {}, after: { format: 'csv', rows: count, filter: JSON.parse(JSON.stringify(filter)) as Record<string, string> } },
      });
      return count;
    }, 'REPEATABLE READ');
  }
}
