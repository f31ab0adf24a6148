import { ApiException } from '../common/errors/api-exception.js';

export enum AuthErrorCode {
  /** No live session: sign in first. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Signed in, but the role may not do this (docs/access-matrix.md). */
  FORBIDDEN = 'FORBIDDEN',
  /**
   * Wrong email or password, an inactive account, or an account locked after repeated
   * failures: one code for all, so that nobody can find out which emails have accounts.
   */
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  /** Too many requests from one address or user; `retryAfterSeconds` says when to try again. */
  RATE_LIMITED = 'RATE_LIMITED',
}

export class AuthException extends ApiException<AuthErrorCode> {
  constructor(code: AuthErrorCode, message: string, details: Record<string, number> = {}) {
    super(code, message, details);
  }

  static unauthenticated(): AuthException {
    return new AuthException(AuthErrorCode.UNAUTHENTICATED, 'Sign in to see this.');
  }

  static forbidden(what: string): AuthException {
    return new AuthException(AuthErrorCode.FORBIDDEN, `Your role may not use ${what}.`);
  }

  static signInFailed(): AuthException {
    return new AuthException(
      AuthErrorCode.SIGN_IN_FAILED,
      'The email or password is not right, or the account is locked for a while after repeated failed sign-ins.',
    );
  }

  static rateLimited(retryAfterSeconds: number): AuthException {
    return new AuthException(AuthErrorCode.RATE_LIMITED, `Too many attempts: try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
    });
  }
}
