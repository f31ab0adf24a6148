import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Logger, type LogLevel } from '@nestjs/common';
import type { Logger as PinoLogger } from 'pino';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { DEFAULT_OUTCOME_REFRESH_MINUTES, DEV_CHILD_KEY_SECRET, REPO_ROOT } from './config/app-config.js';
import { DEFAULT_AUTH_SETTINGS, DEFAULT_QUERY_LIMITS, type AuthSettings, type QueryLimits } from './config/security-config.js';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './config/reminder-config.js';
import type { ServerConfig } from './config/server-config.js';
import type { RetentionSchedule } from './retention/retention-schedule.js';
import { expressTrustProxy, type TrustProxy } from './config/trust-proxy.js';
import { DEFAULT_DATABASE_CONNECT_TIMEOUT_MS, DEFAULT_SHUTDOWN_GRACE_MS } from './config/operations-config.js';
import { deriveAppDatabaseUrl } from './database/app-database-role.js';
import { closeGracefully } from './lifecycle/graceful-close.js';
import { ServerLifecycle } from './lifecycle/server-lifecycle.js';
import { appLogging } from './logging/app-logging.js';
import { httpLogger } from './logging/http-logger.js';
import type { LogSettings } from './logging/root-logger.js';
import { securityHeaders } from './web/security-headers.js';
import { serveWebApp } from './web/serve-web-app.js';

export interface CreateAppOptions {
  /** A migrated database (see `migrateDatabase`), as its owner. */
  readonly databaseUrl: string;
  /** The restricted role request traffic runs as. Default: derived from `databaseUrl` (docs/security.md). */
  readonly appDatabaseUrl?: string;
  /** Connections in the request pool. Default 10. */
  readonly databasePoolSize?: number;
  /** Session timeouts, cookie and sign-in rate (default: DEFAULT_AUTH_SETTINGS, with a Secure cookie in production). */
  readonly auth?: Partial<AuthSettings>;
  /** Depth, cost and cost-rate limits of GraphQL operations (default: DEFAULT_QUERY_LIMITS). */
  readonly queryLimits?: Partial<QueryLimits>;
  /** Default 3000; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Production hides error details and introspection. Default false. */
  readonly production?: boolean;
  /** Serve the built web app on the same port. Default: `production`. */
  readonly serveWeb?: boolean;
  /** Default `<repo>/web/dist`. */
  readonly webDist?: string;
  /** Default: the development secret. */
  readonly childKeySecret?: string;
  /** Write the GraphQL schema here at start-up. Default: keep it in memory. */
  readonly schemaFile?: string | null;
  /** Nest log levels; false for silence; the least severe becomes the level of the logger made here. Default: info. */
  readonly logger?: LogLevel[] | false;
  /** The process's pino logger (main.ts passes its own); otherwise one is made from `logging` (default: JSON to standard output). */
  readonly rootLogger?: PinoLogger;
  /** Level, format and destination of the logger made when no `rootLogger` is given. */
  readonly logging?: Partial<LogSettings>;
  /** How long close() waits for running requests and imports before stopping them. Default 20 s. */
  readonly shutdownGraceMs?: number;
  /** How long a request waits for a database connection before SERVICE_UNAVAILABLE. Default 5 s. */
  readonly databaseConnectTimeoutMs?: number;
  /** Minutes between refreshes of the live timescale outcomes (one also runs at start-up); 0: start-up only. Default 15. */
  readonly outcomeRefreshMinutes?: number;
  /** Seconds an analytics answer is kept while the data behind it is unchanged (default 30; 0: computed for every request). */
  readonly analyticsCacheSeconds?: number;
  /**
   * Seconds a superseded analytics answer may still be sent while its replacement is worked
   * out (0, the default here: every answer is current; the server's own default, from
   * ANALYTICS_STALE_SECONDS, is DEFAULT_ANALYTICS_STALE_SECONDS).
   */
  readonly analyticsStaleSeconds?: number;
  /** Reminder emails (default: DEFAULT_REMINDER_SETTINGS: no mail server, so none are sent; links to http://host:port). */
  readonly reminders?: Partial<ReminderSettings>;
  /** Which reverse proxies may name the client's address in X-Forwarded-For (default: none; see trust-proxy.ts). */
  readonly trustProxy?: TrustProxy;
  /** When the server runs the retention job (default: ten minutes after start-up, then daily); null: never. */
  readonly retentionSchedule?: RetentionSchedule | null;
  /** What "now" is (default: the system clock); tests move time with it. */
  readonly clock?: () => Date;
}

export interface RunningApp {
  readonly app: NestExpressApplication;
  /** e.g. http://127.0.0.1:3000 */
  readonly url: string;
  /**
   * Shuts down gracefully (closeGracefully): stops taking requests, waits for running
   * ones and imports up to the grace period, then closes the connection pool. Safe to call twice.
   */
  close(): Promise<void>;
}

/** Boots the API (and, when asked, the web app) on one HTTP port. Starts no database. */
export async function createApp(options: CreateAppOptions): Promise<RunningApp> {
  const production = options.production ?? false;
  const config: ServerConfig = {
    databaseUrl: options.databaseUrl,
    appDatabaseUrl: options.appDatabaseUrl ?? (await deriveAppDatabaseUrl(options.databaseUrl, new Logger('Database'))),
    databasePoolSize: options.databasePoolSize ?? 10,
    auth: { ...DEFAULT_AUTH_SETTINGS, secureCookie: production, ...options.auth },
    queryLimits: { ...DEFAULT_QUERY_LIMITS, ...options.queryLimits },
    production,
    childKeySecret: options.childKeySecret ?? DEV_CHILD_KEY_SECRET,
    serveWeb: options.serveWeb ?? production,
    webDist: options.webDist ?? path.join(REPO_ROOT, 'web', 'dist'),
    schemaFile: options.schemaFile ?? null,
    outcomeRefreshMinutes: options.outcomeRefreshMinutes ?? DEFAULT_OUTCOME_REFRESH_MINUTES,
    ...(options.retentionSchedule !== undefined ? { retentionSchedule: options.retentionSchedule } : {}),
    databaseConnectTimeoutMs: options.databaseConnectTimeoutMs ?? DEFAULT_DATABASE_CONNECT_TIMEOUT_MS,
    ...(options.analyticsCacheSeconds !== undefined ? { answerCacheSeconds: options.analyticsCacheSeconds } : {}),
    answerStaleSeconds: options.analyticsStaleSeconds ?? 0,
    reminders: {
      ...DEFAULT_REMINDER_SETTINGS,
      ...options.reminders,
      publicUrl: options.reminders?.publicUrl ?? `http://${options.host ?? '127.0.0.1'}:${options.port ?? 3000}`,
    },
  };
  const logging = appLogging(options);
  const lifecycle = new ServerLifecycle();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock, lifecycle), {
    logger: logging.nest,
    abortOnError: false,
  });
  try {
    app.disable('x-powered-by');
    // First: every request gets its id and its log line; once shutdown begins, new requests get 503.
    app.use(httpLogger(logging.root));
    app.use(lifecycle.middleware);
    // Before any request: rate limits and the audit trail key on the client address Express works out with it.
    app.set('trust proxy', expressTrustProxy(options.trustProxy ?? false));
    app.use(securityHeaders(production));
    if (config.serveWeb) serveWebApp(app, config.webDist, new Logger('WebApp'));
    const host = options.host ?? '127.0.0.1';
    await app.listen(options.port ?? 3000, host);
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let closing: Promise<void> | undefined;
    const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
    return { app, url, close: () => (closing ??= closeGracefully(app, lifecycle, graceMs)) };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
