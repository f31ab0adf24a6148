import type { UserRole } from '@escalation-insights/shared';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AnswerCache } from '../analytics/answer-cache.js';
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

/** A live session is looked up in the database again at least this often: its idle and absolute expiry are judged there. */
const RECHECK_MS = 10_000;
/** Sessions kept at once; all are dropped when there are more. */
const MAX_KEPT = 10_000;

interface KeptSession {
  readonly user: SessionUser;
  /** AnswerCache.sessionsUnchangedSince when it was looked up. */
  readonly unchanged: string;
  readonly checkedAt: number;
}

/**
 * Server-side sessions, through the auth_* functions of the CreateSignInSessions
 * migration (the app's database role cannot touch the session table directly).
 *
 * A live session, once looked up, is kept in memory for a few seconds, for as long as no
 * session or account has changed since (migration NotifySessionChanges; heard by the
 * AnswerCache's listening connection, which every request asks before anything kept is
 * used): a signed-in user's every request would otherwise queue for the database only
 * to learn who is asking. Without that connection every request looks its session up.
 */
@Injectable()
export class SessionsService {
  private readonly kept = new Map<string, KeptSession>();
  private lookups = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Optional() @Inject(AnswerCache) private readonly changes: AnswerCache | null = null,
  ) {}

  /** How many times a session has been looked up in the database (for tests and benchmarks). */
  get databaseLookups(): number {
    return this.lookups;
  }

  /** The user of a live session: not revoked, not idle too long, not past its absolute expiry, user active. */
  async authenticate(token: string): Promise<SessionUser | null> {
    const tokenHash = hashSessionToken(token);
    const unchanged = (await this.changes?.sessionsUnchangedSince()) ?? null;
    const kept = this.kept.get(tokenHash);
    if (kept && unchanged !== null && kept.unchanged === unchanged && Date.now() - kept.checkedAt < RECHECK_MS) return kept.user;
    this.kept.delete(tokenHash);
    const checkedAt = Date.now();
    this.lookups += 1;
    const rows = await this.dataSource.query<SessionRow[]>('SELECT * FROM auth_session_actor($1, $2::interval)', [
      tokenHash,
      `${this.config.auth.sessionIdleMinutes} minutes`,
    ]);
    const row = rows[0];
    if (!row) return null;
    const user: SessionUser = {
      sessionId: row.session_id,
      userId: row.user_id,
      partnershipId: row.partnership_id,
      role: row.role,
      email: row.email,
      displayName: row.display_name,
    };
    if (unchanged !== null) {
      if (this.kept.size >= MAX_KEPT) this.kept.clear();
      this.kept.set(tokenHash, { user, unchanged, checkedAt });
    }
    return user;
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
    this.kept.delete(hashSessionToken(token));
    const [row] = await this.dataSource.query<{ ended: boolean }[]>('SELECT auth_end_session($1) AS ended', [hashSessionToken(token)]);
    return row?.ended === true;
  }
}
