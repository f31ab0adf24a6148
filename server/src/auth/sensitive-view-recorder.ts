import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { TenantDatabase } from '../database/tenant-database.js';

export interface SensitiveView {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly partnershipId: string;
}

/** Appends "who opened what" to the partnership's audit chain, in a transaction of its own. */
@Injectable()
export class SensitiveViewRecorder {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Actor, view: SensitiveView): Promise<void> {
    await this.db.runAs(actor, (manager) =>
      this.audit.append(manager, actor, {
        partnershipId: view.partnershipId,
        action: view.action,
        entityType: view.entityType,
        entityId: view.entityId,
        changes: { before: {}, after: {} },
      }),
    );
  }
}
