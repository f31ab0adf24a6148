import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';
import { isDatabaseUnavailable } from '../database/database-unavailable.js';
import { sendUnavailable } from '../lifecycle/unavailable-response.js';
import { clearedSessionCookie, readSessionToken } from './session-cookie.js';
import { attachSession } from './session-user.js';
import { SessionsService } from './sessions.service.js';

/**
 * On every GraphQL request, before Apollo sees it: the session cookie → the signed-in
 * user (SessionsService: a database round trip, unless the session was looked up a
 * moment ago and nothing has changed since), kept with the request for the GraphQL
 * context. A cookie whose session has ended is cleared.
 */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  async use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): Promise<void> {
    try {
      const secure = this.config.auth.secureCookie;
      const token = readSessionToken(req.headers.cookie, secure);
      const user = token ? await this.sessions.authenticate(token) : null;
      if (token && !user) res.appendHeader('Set-Cookie', clearedSessionCookie(secure));
      attachSession(req, { user, token });
      next();
    } catch (error) {
      // The session cannot be looked up while the database is away: 503 SERVICE_UNAVAILABLE, not a 500.
      if (isDatabaseUnavailable(error)) sendUnavailable(req, res, 'database_unreachable');
      else next(error);
    }
  }
}
