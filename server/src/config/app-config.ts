import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReminderConfig, type ReminderSettings } from './reminder-config.js';
import { parseOperationsConfig, type OperationsConfig } from './operations-config.js';
import { parseSecurityConfig, type SecurityConfig } from './security-config.js';

/** The repository root: this file is `server/{src,dist}/config/app-config.{ts,js}`. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Everything the process reads from its environment, read once at start-up (see `loadAppConfig`). */
export interface AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly production: boolean;
  /** A PostgreSQL server to use; absent → an embedded PostgreSQL in `<dataDir>/postgres`. */
  readonly databaseUrl: string | undefined;
  readonly host: string;
  readonly port: number;
  /** Where the embedded PostgreSQL (and any other local state) lives. */
  readonly dataDir: string;
  /** HMAC key that pseudonymises child identifiers into child keys. */
  readonly childKeySecret: string;
  /** The built web app, served on the same port when `serveWeb`. */
  readonly webDist: string;
  readonly serveWeb: boolean;
  /** Fill an empty database with the deterministic demo data on start. */
  readonly seedDemoData: boolean;
  /** Where the running server writes the GraphQL schema; null in production (never write into the install). */
  readonly schemaFile: string | null;
  /** Sign-in, sessions, the first administrator and the app's database role (security-config.ts). */
  readonly security: SecurityConfig;
  /** Minutes between recomputations of the live timescale outcomes (OUTCOME_REFRESH_MINUTES); 0 keeps only the one at start-up. */
  readonly outcomeRefreshMinutes: number;
  /** Logs, the database connection timeout and the shutdown grace period (operations-config.ts). */
  readonly operations: OperationsConfig;
  /** Reminders of deadlines: the mail server, when and how often to email (reminder-config.ts). */
  readonly reminders: ReminderSettings;
}

/** Raised for a missing or malformed environment variable; the message says which and what is expected. */
export class AppConfigError extends Error {
  override readonly name = 'AppConfigError';
}

export const DEV_CHILD_KEY_SECRET = 'escalation-insights-development-child-key-secret';
const MIN_SECRET_LENGTH = 32;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and checks the environment. Call once, at start-up, and pass the result on;
 * throws `AppConfigError` listing every problem so the process can stop at once.
 */
export function loadAppConfig(env: Env = process.env, warn: (message: string) => void = console.warn): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const nodeEnv = parseNodeEnv(read('NODE_ENV'), problems);
  const production = nodeEnv === 'production';
  const databaseUrl = parseDatabaseUrl(read('DATABASE_URL'), problems);
  const port = parsePort(read('PORT'), problems);
  const childKeySecret = parseChildKeySecret(read('CHILD_KEY_SECRET'), production, problems, warn);
  const serveWeb = parseBoolean('SERVE_WEB', read('SERVE_WEB'), true, problems);
  const seedDemoData = parseBoolean('SEED_DEMO_DATA', read('SEED_DEMO_DATA'), !production, problems);
  const security = parseSecurityConfig(read, production, problems);
  const outcomeRefreshMinutes = parseRefreshMinutes(read('OUTCOME_REFRESH_MINUTES'), problems);
  const operations = parseOperationsConfig(read, nodeEnv === 'development', problems);
  const reminders = parseReminderConfig(read, production, problems);

  if (problems.length > 0) {
    throw new AppConfigError(`The environment is not usable:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  return {
    nodeEnv,
    production,
    databaseUrl,
    host: read('HOST') ?? '127.0.0.1',
    port,
    dataDir: path.resolve(read('DATA_DIR') ?? path.join(REPO_ROOT, '.data')),
    childKeySecret,
    webDist: path.resolve(read('WEB_DIST') ?? path.join(REPO_ROOT, 'web', 'dist')),
    serveWeb,
    seedDemoData,
    schemaFile: production ? null : path.join(REPO_ROOT, 'server', 'schema.graphql'),
    security,
    outcomeRefreshMinutes,
    operations,
    reminders,
  };
}

function parseNodeEnv(value: string | undefined, problems: string[]): NodeEnv {
  if (value === undefined) return 'development';
  if ((NODE_ENVS as readonly string[]).includes(value)) return value as NodeEnv;
  problems.push(`NODE_ENV must be one of ${NODE_ENVS.join(', ')} (got "${value}")`);
  return 'development';
}

function parseDatabaseUrl(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'postgres:' || url.protocol === 'postgresql:') return value;
  } catch {
    // reported below
  }
  problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection string (leave it unset for an embedded PostgreSQL)');
  return undefined;
}

function parsePort(value: string | undefined, problems: string[]): number {
  if (value === undefined) return 3000;
  const port = Number(value);
  if (/^\d+$/.test(value) && port >= 0 && port <= 65535) return port;
  problems.push(`PORT must be a whole number from 0 to 65535 (got "${value}")`);
  return 3000;
}

export const DEFAULT_OUTCOME_REFRESH_MINUTES = 15;
const MAX_OUTCOME_REFRESH_MINUTES = 1440;

function parseRefreshMinutes(value: string | undefined, problems: string[]): number {
  if (value === undefined) return DEFAULT_OUTCOME_REFRESH_MINUTES;
  const minutes = Number(value);
  if (/^\d+(\.\d+)?$/.test(value) && minutes <= MAX_OUTCOME_REFRESH_MINUTES) return minutes;
  problems.push(`OUTCOME_REFRESH_MINUTES must be a number of minutes from 0 (start-up only) to ${MAX_OUTCOME_REFRESH_MINUTES} (got "${value}")`);
  return DEFAULT_OUTCOME_REFRESH_MINUTES;
}

function parseChildKeySecret(value: string | undefined, production: boolean, problems: string[], warn: (message: string) => void): string {
  if (value !== undefined && value.length >= MIN_SECRET_LENGTH) return value;
  if (value !== undefined) {
    problems.push(`CHILD_KEY_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
  } else if (production) {
    problems.push(`CHILD_KEY_SECRET is required in production (a random string of at least ${MIN_SECRET_LENGTH} characters)`);
  } else {
    warn('CHILD_KEY_SECRET is not set: using a development value. Never use it with real children\'s data.');
  }
  return DEV_CHILD_KEY_SECRET;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (value === undefined) return fallback;
  if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${value}")`);
  return fallback;
}
