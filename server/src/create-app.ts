import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { DEFAULT_OUTCOME_REFRESH_MINUTES, DEV_CHILD_KEY_SECRET, REPO_ROOT } from './config/app-config.js';
import { DEFAULT_AUTH_SETTINGS, DEFAULT_QUERY_LIMITS, type AuthSettings, type QueryLimits } from './config/security-config.js';
import type { ServerConfig } from './config/server-config.js';
import { deriveAppDatabaseUrl } from './database/app-database-role.js';
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
  /** Nest log levels; false for silence. Default log, warn, error. */
  readonly logger?: LogLevel[] | false;
  /** Minutes between refreshes of the live timescale outcomes (one also runs at start-up); 0: start-up only. Default 15. */
  readonly outcomeRefreshMinutes?: number;
  /** What "now" is (default: the system clock); tests move time with it. */
  readonly clock?: () => Date;
}

export interface RunningApp {
  readonly app: NestExpressApplication;
  /** e.g. http://127.0.0.1:3000 */
  readonly url: string;
  /** Stops taking requests, then closes the connection pool. Safe to call twice. */
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
  };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
    logger: options.logger ?? ['log', 'warn', 'error'],
    abortOnError: false,
  });
  try {
    app.disable('x-powered-by');
    app.use(securityHeaders(production));
    if (config.serveWeb) serveWebApp(app, config.webDist, new Logger('WebApp'));
    const host = options.host ?? '127.0.0.1';
    await app.listen(options.port ?? 3000, host);
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let closing: Promise<void> | undefined;
    return { app, url, close: () => (closing ??= app.close()) };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
