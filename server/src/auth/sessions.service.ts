import type { UserRole } from '@escalation-insights/shared';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';
import { hashSessionToken, newSessionToken } from './session-cookie.js';
import type { SessionUser } from './session-user.js';

interface SessionRow {
  session_id: string;
  user_id: string;
  partnership_id: string | null;
  role: UserRole;
  email: string;
  display_name: string;
}

export interface ClientFacts {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/**
 * Server-side sessions, through the auth_* functions of the CreateSignInSessions
 * migration (the app's database role cannot touch the session table directly).
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  /** The user of a live session: not revoked, not idle too long, not past its absolute expiry, user active. */
  async authenticate(token: string): Promise<SessionUser | null> {
    const rows = await this.dataSource.query<SessionRow[]>('SELECT * FROM auth_session_actor($1, $2::interval)', [
      hashSessionToken(token),
      `${this.config.auth.sessionIdleMinutes} minutes`,
    ]);
    const row = rows[0];
    return row
      ? {
          sessionId: row.session_id,
          userId: row.user_id,
          partnershipId: row.partnership_id,
          role: row.role,
          email: row.email,
          displayName: row.display_name,
        }
      : null;
  }

  /** Starts a session for a user whose password has just been checked; returns the token for the cookie. */
  async start(userId: string, client: ClientFacts): Promise<string> {
    const token = newSessionToken();
    await this.dataSource.query('SELECT auth_start_session($1, $2, $3::interval, $4, $5)', [
      userId,
      hashSessionToken(token),
      `${this.config.auth.sessionMaxHours} hours`,
      client.ip,
      client.userAgent,
    ]);
    return token;
  }

  /** Revokes the session: the token never opens anything again. */
  async end(token: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ ended: boolean }[]>('SELECT auth_end_session($1) AS ended', [hashSessionToken(token)]);
    return row?.ended === true;
  }
}
