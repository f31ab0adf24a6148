/** How much the logs say, from the most to the least severe; `silent` says nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** `json`: one JSON object a line (for collectors). `pretty`: coloured, one readable line (for a terminal). */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const DEFAULT_SHUTDOWN_GRACE_MS = 20_000;
export const DEFAULT_DATABASE_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_ANALYTICS_CACHE_SECONDS = 30;
export const DEFAULT_ANALYTICS_STALE_SECONDS = 5;
const MAX_SHUTDOWN_GRACE_MS = 10 * 60_000;
const MAX_CONNECT_TIMEOUT_MS = 60_000;
const MAX_ANALYTICS_CACHE_SECONDS = 3_600;
const MAX_ANALYTICS_STALE_SECONDS = 60;

/** Running the service: logs, the database connection and shutdown (docs/operations.md). */
export interface OperationsConfig {
  /** LOG_LEVEL, default info. */
  readonly logLevel: LogLevelName;
  /** LOG_FORMAT, default pretty in development and json otherwise. */
  readonly logFormat: LogFormat;
  /** SHUTDOWN_GRACE_MS: how long a shutdown waits for running requests and imports before stopping them. */
  readonly shutdownGraceMs: number;
  /** DATABASE_CONNECT_TIMEOUT_MS: how long a request waits for a database connection before it is refused. */
  readonly databaseConnectTimeoutMs: number;
  /** ANALYTICS_CACHE_SECONDS: how long an analytics answer is kept while the data behind it is unchanged; 0 keeps none. */
  readonly analyticsCacheSeconds: number;
  /**
   * ANALYTICS_STALE_SECONDS: while a kept answer that a change superseded is being worked
   * out again, the one it replaces may still be sent if it was worked out at most this long
   * ago (never to the user whose write superseded it); 0 sends none.
   */
  readonly analyticsStaleSeconds: number;
}

type Read = (name: string) => string | undefined;

/** Reads the operations settings; pushes one sentence per unusable variable onto `problems`. */
export function parseOperationsConfig(read: Read, development: boolean, problems: string[]): OperationsConfig {
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  };
  const whole = (unit: string) => (name: string, fallback: number, min: number, max: number): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    if (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value);
    problems.push(`${name} must be a whole number of ${unit} from ${min} to ${max} (got "${value}")`);
    return fallback;
  };
  const milliseconds = whole('milliseconds');
  return {
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: oneOf('LOG_FORMAT', LOG_FORMATS, development ? 'pretty' : 'json'),
    shutdownGraceMs: milliseconds('SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS, 0, MAX_SHUTDOWN_GRACE_MS),
    databaseConnectTimeoutMs: milliseconds('DATABASE_CONNECT_TIMEOUT_MS', DEFAULT_DATABASE_CONNECT_TIMEOUT_MS, 100, MAX_CONNECT_TIMEOUT_MS),
    analyticsCacheSeconds: whole('seconds')('ANALYTICS_CACHE_SECONDS', DEFAULT_ANALYTICS_CACHE_SECONDS, 0, MAX_ANALYTICS_CACHE_SECONDS),
    analyticsStaleSeconds: whole('seconds')('ANALYTICS_STALE_SECONDS', DEFAULT_ANALYTICS_STALE_SECONDS, 0, MAX_ANALYTICS_STALE_SECONDS),
  };
}
