import type { UserRole } from '@escalation-insights/shared';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import { TokenBuckets } from '../common/rate-limit/token-bucket.js';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';
import { AuthException } from './auth.exception.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { SignInAudit, type SignInFailure } from './sign-in-audit.js';
import type { SessionUser } from './session-user.js';
import { SessionsService, type ClientFacts } from './sessions.service.js';

/** From the fifth failure in a row, an account locks for 15 minutes, doubling with each further failure, at most a day. */
export const LOCKOUT = { maxFailures: 5, lock: '15 minutes', maxLock: '24 hours' } as const;

interface Candidate {
  user_id: string;
  partnership_id: string | null;
  role: UserRole;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_active: boolean;
  is_locked: boolean;
}

export interface SignedIn {
  readonly user: SessionUser;
  readonly token: string;
}

@Injectable()
export class SignInService {
  private readonly attemptsByIp: TokenBuckets;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly signInAudit: SignInAudit,
    @Inject(SERVER_CONFIG) config: ServerConfig,
  ) {
    this.attemptsByIp = new TokenBuckets(config.auth.signInAttemptsPerMinute, 60_000);
  }

  /**
   * Checks the password with argon2id and starts a session. Every failure — unknown
   * email, wrong password, inactive or locked account — costs one argon2 verification and
   * answers SIGN_IN_FAILED. A locked account is not checked at all (no guessing while
   * locked), and failures while locked do not lengthen the lock.
   *
   * Each outcome is audited (not rate-limited attempts): the sign-in, the failure with its
   * reason, and the lock-out a failure causes. A failure names the account only when the
   * email is one; the text typed into the form is never written, nor any password.
   * `actor` is the request's (anonymous, or whoever its cookie says).
   * @throws AuthException SIGN_IN_FAILED, RATE_LIMITED
   */
  async signIn(email: string, password: string, client: ClientFacts, actor: Actor): Promise<SignedIn> {
    const allowance = this.attemptsByIp.take(client.ip ?? 'unknown');
    if (!allowance.allowed) throw AuthException.rateLimited(allowance.retryAfterSeconds);

    const [candidate] = await this.dataSource.query<Candidate[]>('SELECT * FROM auth_sign_in_candidate($1)', [email]);
    const checkable = candidate?.is_active === true && !candidate.is_locked && candidate.password_hash !== null;
    const passwordHash = checkable ? candidate.password_hash! : await dummyPasswordHash();
    const correct = await verifyPassword(passwordHash, password);
    if (!candidate) {
      await this.signInAudit.record(actor, { action: 'user.sign_in_failed', userId: null, partnershipId: null, details: { reason: 'unknown_email' } });
      throw AuthException.signInFailed();
    }
    if (!checkable) {
      await this.failed(actor, candidate, !candidate.is_active ? 'account_inactive' : candidate.is_locked ? 'account_locked' : 'no_password');
      throw AuthException.signInFailed();
    }
    if (!correct) {
      const [outcome] = await this.dataSource.query<{ locked_until: Date | null; locked: boolean }[]>(
        'SELECT locked_until, coalesce(locked_until > now(), false) AS locked FROM auth_record_failed_sign_in($1, $2, $3::interval, $4::interval) AS locked_until',
        [candidate.user_id, LOCKOUT.maxFailures, LOCKOUT.lock, LOCKOUT.maxLock],
      );
      await this.failed(actor, candidate, 'wrong_password');
      if (outcome?.locked) {
        await this.signInAudit.record(actor, {
          action: 'user.locked_out',
          userId: candidate.user_id,
          partnershipId: candidate.partnership_id,
          details: { email: candidate.email, lockedUntil: outcome.locked_until!.toISOString() },
        });
      }
      throw AuthException.signInFailed();
    }
    const token = await this.sessions.start(candidate.user_id, client);
    const user = await this.sessions.authenticate(token);
    if (!user) throw AuthException.signInFailed();
    await this.signInAudit.record(
      { ...actor, kind: 'user', userId: user.userId, role: user.role, partnershipId: user.partnershipId, label: user.email },
      { action: 'user.signed_in', userId: user.userId, partnershipId: user.partnershipId, details: { sessionId: user.sessionId } },
    );
    return { user, token };
  }

  /** Ends the session in the cookie, if any; audits the sign-out of a live one. Returns whether one ended. */
  async signOut(token: string | null, user: SessionUser | null, actor: Actor): Promise<boolean> {
    if (!token) return false;
    const ended = await this.sessions.end(token);
    if (ended && user) {
      await this.signInAudit.record(actor, {
        action: 'user.signed_out',
        userId: user.userId,
        partnershipId: user.partnershipId,
        details: { sessionId: user.sessionId },
      });
    }
    return ended;
  }

  private failed(actor: Actor, candidate: Candidate, reason: SignInFailure): Promise<void> {
    return this.signInAudit.record(actor, {
      action: 'user.sign_in_failed',
      userId: candidate.user_id,
      partnershipId: candidate.partnership_id,
      details: { email: candidate.email, reason },
    });
  }
}
