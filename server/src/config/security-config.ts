import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

/** Sessions and sign-in (docs/security.md). */
export interface AuthSettings {
  /** A session unused for this long ends (SESSION_IDLE_MINUTES, default 30). */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after sign-in, used or not (SESSION_MAX_HOURS, default 12). */
  readonly sessionMaxHours: number;
  /** Send the session cookie only over HTTPS, as `__Host-ei_session` (COOKIE_SECURE, default: in production). */
  readonly secureCookie: boolean;
  /** Sign-in attempts one IP address may make per minute, right or wrong (default 30). */
  readonly signInAttemptsPerMinute: number;
}

/** Refusals before a GraphQL operation runs (docs/security.md). */
export interface QueryLimits {
  /** Deepest selection, counted in fields (default 12). */
  readonly maxDepth: number;
  /** Highest estimated cost of one operation (default 10,000; see query-cost.ts). */
  readonly maxCost: number;
  /** Estimated cost one user (or, signed out, one IP address) may spend per minute (default 200,000). */
  readonly costPerMinute: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  secureCookie: false,
  signInAttemptsPerMinute: 30,
};

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 10_000, costPerMinute: 200_000 };

/** What the environment says about security, checked with the rest of AppConfig. */
export interface SecurityConfig {
  /** The restricted role's connection string (APP_DATABASE_URL); absent → derived from the owner's (docs/security.md). */
  readonly appDatabaseUrl: string | undefined;
  /** The first administrator, created at start-up when there is none (ADMIN_EMAIL, ADMIN_PASSWORD). */
  readonly firstAdministrator: { readonly email: string; readonly password: string } | undefined;
  /** Password of the demo users (DEMO_PASSWORD); absent outside production → a random one, printed. */
  readonly demoPassword: string | undefined;
  readonly auth: AuthSettings;
  /** Which reverse proxies may name the client's address (TRUST_PROXY, default none; trust-proxy.ts). */
  readonly trustProxy: TrustProxy;
}

export const MIN_PASSWORD_LENGTH = 12;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Read = (name: string) => string | undefined;

/** Reads the security settings; pushes one sentence per unusable variable onto `problems`. */
export function parseSecurityConfig(read: Read, production: boolean, problems: string[]): SecurityConfig {
  const appDatabaseUrl = read('APP_DATABASE_URL');
  if (appDatabaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(appDatabaseUrl)) {
    problems.push('APP_DATABASE_URL must be a postgres:// or postgresql:// connection string');
  }
  const adminEmail = read('ADMIN_EMAIL')?.toLowerCase();
  const adminPassword = read('ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both to create the first administrator, or neither');
  }
  if (adminEmail !== undefined && !EMAIL_PATTERN.test(adminEmail)) problems.push(`ADMIN_EMAIL must be an email address (got "${adminEmail}")`);
  if (adminPassword !== undefined && adminPassword.length < MIN_PASSWORD_LENGTH) {
    problems.push(`ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  const demoPassword = read('DEMO_PASSWORD');
  if (demoPassword !== undefined && demoPassword.length < MIN_PASSWORD_LENGTH) {
    problems.push(`DEMO_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  const whole = (name: string, fallback: number, max: number): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= max) return Number(value);
    problems.push(`${name} must be a whole number from 1 to ${max} (got "${value}")`);
    return fallback;
  };
  const secure = read('COOKIE_SECURE');
  if (secure !== undefined && !['true', 'false'].includes(secure)) problems.push(`COOKIE_SECURE must be true or false (got "${secure}")`);
  return {
    appDatabaseUrl,
    firstAdministrator: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
    demoPassword,
    auth: {
      sessionIdleMinutes: whole('SESSION_IDLE_MINUTES', DEFAULT_AUTH_SETTINGS.sessionIdleMinutes, 24 * 60),
      sessionMaxHours: whole('SESSION_MAX_HOURS', DEFAULT_AUTH_SETTINGS.sessionMaxHours, 24 * 30),
      secureCookie: secure === undefined ? production : secure === 'true',
      signInAttemptsPerMinute: DEFAULT_AUTH_SETTINGS.signInAttemptsPerMinute,
    },
    trustProxy: parseTrustProxy(read('TRUST_PROXY'), problems),
  };
}
