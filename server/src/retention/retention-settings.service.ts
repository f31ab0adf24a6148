import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { Partnership } from '../partnerships/models/partnership.model.js';
import { PartnershipsException } from '../partnerships/partnerships.exception.js';
import { PartnershipsService } from '../partnerships/partnerships.service.js';
import type { RetentionPeriodInput } from './dto/retention-period.input.js';

/** A partnership's retention period (partnership.retention_years), changed by its administrators. */
@Injectable()
export class RetentionSettingsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly partnerships: PartnershipsService,
  ) {}

  /**
   * Sets the period and audits the change (before and after), in one transaction.
   * Row-level security lets only an administrator of the partnership (or of every
   * partnership) write it; to anyone else it does not exist.
   * @throws PartnershipsException PARTNERSHIP_NOT_FOUND
   */
  async set(actor: Actor, input: RetentionPeriodInput): Promise<Partnership> {
    const years = input.yearsAfterClose ?? null;
    return this.db.run(async (manager) => {
      const rows: { before: number | null }[] = await manager.query(
        `WITH old AS (SELECT id, retention_years FROM partnership WHERE id = $1::bigint FOR UPDATE),
              changed AS (UPDATE partnership p SET retention_years = $2 FROM old WHERE p.id = old.id RETURNING p.id)
         SELECT old.retention_years AS before FROM old JOIN changed ON changed.id = old.id`,
        [input.partnershipId, years],
      );
      if (rows.length === 0) throw PartnershipsException.notFound(input.partnershipId);
      const before = rows[0]!.before;
      if (before !== years) {
        await this.audit.append(manager, actor, {
          partnershipId: input.partnershipId,
          action: 'partnership.retention_changed',
          entityType: 'partnership',
          entityId: input.partnershipId,
          changes: { before: { yearsAfterClose: before }, after: { yearsAfterClose: years } },
        });
      }
      return this.partnerships.get(input.partnershipId);
    });
  }
}
