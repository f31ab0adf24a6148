import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { UserRole } from '@escalation-insights/shared';

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
  /** Correlates the audit events of one request (the `x-request-id` header when sent). */
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

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** The actor of a request that carries no live session. */
export function anonymousActor(req: IncomingMessage): Actor {
  const header = req.headers['x-request-id'];
  const sent = typeof header === 'string' && REQUEST_ID_PATTERN.test(header) ? header : null;
  return {
    kind: 'anonymous',
    userId: null,
    role: null,
    partnershipId: null,
    label: 'anonymous',
    requestIp: req.socket?.remoteAddress ?? null,
    requestId: sent ?? randomUUID(),
  };
}
