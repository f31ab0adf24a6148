import type { IncomingMessage } from 'node:http';
import type { UserRole } from '@escalation-insights/shared';
import { clientAddress } from './client-address.js';
import { requestIdOf } from '../request/request-id.js';

/**
 * Who is acting, for the audit trail and the `created_by`-style columns. Built once per
 * GraphQL request (see `graphqlOptions`): a `user` from the session cookie (the auth
 * module's SessionMiddleware), else `anonymous`; background work (the outcome refresh)
 * acts as `system`. `role` and `partnershipId` decide what the actor may do (the access
 * guard) and see (TenantDatabase sets them for PostgreSQL's row-level security).
 */
export interface Actor {
  readonly kind: 'anonymous' | 'user' | 'system';
  /** `app_user.id` of a signed-in user; null otherwise. */
  readonly userId: string | null;
  /** The signed-in user's role; null for anonymous and system actors. */
  readonly role: UserRole | null;
  /** The signed-in user's partnership; null for anonymous and system actors, national viewers and administrators of every partnership. */
  readonly partnershipId: string | null;
  /** Shown in the audit trail: the user's email, or "anonymous" / "system". */
  readonly label: string;
  /** Where the request came from; null for system work. */
  readonly requestIp: string | null;
  /** The request's id (see requestIdOf): in its log lines, its X-Request-Id response header and its audit events. */
  readonly requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  userId: null,
  role: null,
  partnershipId: null,
  label: 'system',
  requestIp: null,
  requestId: null,
};

/** The actor of a request that carries no live session. */
export function anonymousActor(req: IncomingMessage): Actor {
  return {
    kind: 'anonymous',
    userId: null,
    role: null,
    partnershipId: null,
    label: 'anonymous',
    requestIp: clientAddress(req),
    requestId: requestIdOf(req),
  };
}
