import type { UserRole } from '@escalation-insights/shared';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TokenBuckets } from '../common/rate-limit/token-bucket.js';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';
import { AuthException } from './auth.exception.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
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
    @Inject(SERVER_CONFIG) config: ServerConfig,
  ) {
    this.attemptsByIp = new TokenBuckets(config.auth.signInAttemptsPerMinute, 60_000);
  }

  /**
   * Checks the password with argon2id and starts a session. Every failure — unknown
   * email, wrong password, inactive or locked account — costs one argon2 verification and
   * answers SIGN_IN_FAILED. A locked account is not checked at all (no guessing while
   * locked), and failures while locked do not lengthen the lock.
   * @throws AuthException SIGN_IN_FAILED, RATE_LIMITED
   */
  async signIn(email: string, password: string, client: ClientFacts): Promise<SignedIn> {
    const allowance = this.attemptsByIp.take(client.ip ?? 'unknown');
    if (!allowance.allowed) throw AuthException.rateLimited(allowance.retryAfterSeconds);

    const [candidate] = await this.dataSource.query<Candidate[]>('SELECT * FROM auth_sign_in_candidate($1)', [email]);
    const checkable = candidate?.is_active === true && !candidate.is_locked && candidate.password_hash !== null;
    const passwordHash = checkable ? candidate.password_hash! : await dummyPasswordHash();
    const correct = await verifyPassword(passwordHash, password);
    if (!checkable || !candidate) throw AuthException.signInFailed();
    if (!correct) {
      await this.dataSource.query('SELECT auth_record_failed_sign_in($1, $2, $3::interval, $4::interval)', [
        candidate.user_id,
        LOCKOUT.maxFailures,
        LOCKOUT.lock,
        LOCKOUT.maxLock,
      ]);
      throw AuthException.signInFailed();
    }
    const token = await this.sessions.start(candidate.user_id, client);
    const user = await this.sessions.authenticate(token);
    if (!user) throw AuthException.signInFailed();
    return { user, token };
  }
}
