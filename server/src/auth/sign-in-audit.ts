import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { JsonValue } from '../audit/audit-hash.js';
import { SYSTEM_ACTOR, type Actor } from '../common/actor/actor.js';
import { TenantDatabase } from '../database/tenant-database.js';

/** What happened at the door. */
export type SignInAction = 'user.signed_in' | 'user.sign_in_failed' | 'user.locked_out' | 'user.signed_out';

/** Why a sign-in failed, as written in the audit trail. */
export type SignInFailure = 'unknown_email' | 'wrong_password' | 'account_locked' | 'account_inactive' | 'no_password';

export interface SignInEvent {
  readonly action: SignInAction;
  /** The account concerned; null when the email matched none. */
  readonly userId: string | null;
  /** The account's partnership, whose chain the event joins; null for accounts of no partnership (and unknown emails). */
  readonly partnershipId: string | null;
  /** Facts of the event; never a password, and an email only when it is an account's. */
  readonly details: Readonly<Record<string, JsonValue>>;
}

/**
 * Appends sign-in, sign-out and lock-out events to the audit trail, each in a
 * transaction of its own. Nobody is signed in yet when most of them happen, so the
 * transaction runs as system work in the account's partnership (row-level security lets
 * only that append to its chain); the event names the request's own actor.
 */
@Injectable()
export class SignInAudit {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Actor, event: SignInEvent): Promise<void> {
    await this.db.runAs({ ...SYSTEM_ACTOR, partnershipId: event.partnershipId }, (manager) =>
      this.audit.append(manager, actor, {
        partnershipId: event.partnershipId,
        action: event.action,
        entityType: 'app_user',
        entityId: event.userId,
        changes: { before: {}, after: event.details },
      }),
    );
  }
}
