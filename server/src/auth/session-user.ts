import type { IncomingMessage } from 'node:http';
import type { UserRole } from '@escalation-insights/shared';
import { anonymousActor, type Actor } from '../common/actor/actor.js';

/** The user behind a live session. */
export interface SessionUser {
  readonly sessionId: string;
  readonly userId: string;
  readonly partnershipId: string | null;
  readonly role: UserRole;
  readonly email: string;
  readonly displayName: string;
}

interface RequestSession {
  readonly user: SessionUser | null;
  /** The token in the request's cookie, live or not. */
  readonly token: string | null;
}

const sessions = new WeakMap<IncomingMessage, RequestSession>();

/** Called once per request by SessionMiddleware. */
export function attachSession(req: IncomingMessage, session: RequestSession): void {
  sessions.set(req, session);
}

export function requestSession(req: IncomingMessage): RequestSession {
  return sessions.get(req) ?? { user: null, token: null };
}

export function userActor(req: IncomingMessage, user: SessionUser): Actor {
  return { ...anonymousActor(req), kind: 'user', userId: user.userId, role: user.role, partnershipId: user.partnershipId, label: user.email };
}

/** The actor of a GraphQL request: its session's user, else anonymous. */
export function requestActor(req: IncomingMessage): Actor {
  const { user } = requestSession(req);
  return user ? userActor(req, user) : anonymousActor(req);
}
