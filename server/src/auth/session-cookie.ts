import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what the browser holds. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores: a stolen copy of the table opens no session. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, for path /, and set
 * by this very host: it works only over HTTPS, so plain-HTTP development uses the bare name.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-ei_session' : 'ei_session';
}

/**
 * HttpOnly (no script can read it), SameSite=Strict (no other site's page can send it:
 * with Apollo's CSRF prevention, no cross-site request forgery), no Max-Age: the browser
 * forgets it when it closes, and the server ends it after idle and absolute timeouts.
 */
export function sessionCookie(token: string, secure: boolean): string {
  return `${sessionCookieName(secure)}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${sessionCookieName(secure)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** The session token in a Cookie header, if it has a token's shape. */
export function readSessionToken(cookieHeader: string | undefined, secure: boolean): string | null {
  if (!cookieHeader) return null;
  const name = sessionCookieName(secure);
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      return TOKEN_PATTERN.test(value) ? value : null;
    }
  }
  return null;
}
