import { createApp, LOG_LEVELS, type AuthSettings, type LogLevelName, type QueryLimits, type ReminderSettings, type RetentionSchedule } from '@escalation-insights/server';
import type { UserRole } from '@escalation-insights/shared';
import { signIn, type SignedInUser, type TestUserOptions } from './sign-in.js';
import { createTestDatabase } from './test-database.js';

export interface GraphqlError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

export interface GraphqlResponse<T> {
  readonly data?: T | null;
  readonly errors?: GraphqlError[];
}

/** A GraphQL response with what HTTP said around it. */
export interface HttpGraphqlResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: GraphqlResponse<T>;
}

/** Someone signed in: their user, and a client that sends their session cookie. */
export interface TestClient extends SignedInUser {
  graphql<T = Record<string, unknown>>(query: string, variables?: object): Promise<GraphqlResponse<T>>;
}

export interface TestApp {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  /** The database owner's connection string (fixtures and checks bypass row-level security through it). */
  readonly databaseUrl: string;
  /** Sends a GraphQL operation over HTTP as nobody in particular (no session cookie), as the web app does. */
  graphql<T = Record<string, unknown>>(query: string, variables?: object): Promise<GraphqlResponse<T>>;
  /** Sends a GraphQL operation with a Cookie header of your choosing; answers with the status and headers too. */
  request<T = Record<string, unknown>>(query: string, variables?: object, cookie?: string): Promise<HttpGraphqlResponse<T>>;
  /** A new user of `role` (in `options.partnershipId`, or none), signed in: see `signIn`. */
  as(role: UserRole, options?: TestUserOptions): Promise<TestClient>;
  /** A provider of the running app, e.g. a service a test drives with a clock of its own. */
  get<T>(type: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

export interface StartTestAppOptions {
  /** Fills the fresh database before the app boots. */
  readonly seed?: (databaseUrl: string) => Promise<unknown>;
  readonly serveWeb?: boolean;
  /** The built web app to serve (default: the repository's web/dist). */
  readonly webDist?: string;
  readonly production?: boolean;
  readonly auth?: Partial<AuthSettings>;
  readonly queryLimits?: Partial<QueryLimits>;
  readonly databasePoolSize?: number;
  /** What "now" is for the app (default: the system clock): tests move time without sleeping. */
  readonly clock?: () => Date;
  /** Minutes between refreshes of the live timescale outcomes (default 15; 0: start-up only). */
  readonly outcomeRefreshMinutes?: number;
  /** Reminder emails: a mail server to send to, the link address, the timer (default: no mail server). */
  readonly reminders?: Partial<ReminderSettings>;
  /** Which proxies may name the client's address (TRUST_PROXY; default none). */
  readonly trustProxy?: boolean | number | readonly string[];
  /** When the server runs the retention job (default: ten minutes after start-up, then daily; null: never). */
  readonly retentionSchedule?: RetentionSchedule | null;
  /** Seconds a superseded analytics answer may still be sent while it is worked out again (default 0: never). */
  readonly analyticsStaleSeconds?: number;
}

/** The real app on a free port of 127.0.0.1, over a database of its own. */
export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  try {
    if (options.seed) await options.seed(database.url);
    const production = options.production ?? false;
    const server = await createApp({
      databaseUrl: database.url,
      host: '127.0.0.1',
      port: 0,
      serveWeb: options.serveWeb ?? false,
      ...(options.webDist ? { webDist: options.webDist } : {}),
      production,
      logging: { level: testLogLevel() },
      ...(options.auth ? { auth: options.auth } : {}),
      ...(options.queryLimits ? { queryLimits: options.queryLimits } : {}),
      ...(options.databasePoolSize ? { databasePoolSize: options.databasePoolSize } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.outcomeRefreshMinutes !== undefined ? { outcomeRefreshMinutes: options.outcomeRefreshMinutes } : {}),
      ...(options.retentionSchedule !== undefined ? { retentionSchedule: options.retentionSchedule } : {}),
      ...(options.reminders ? { reminders: options.reminders } : {}),
      ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
      ...(options.analyticsStaleSeconds !== undefined ? { analyticsStaleSeconds: options.analyticsStaleSeconds } : {}),
    });
    const endpoint = `${server.url}/graphql`;
    const secure = options.auth?.secureCookie ?? production;
    return {
      url: server.url,
      databaseUrl: database.url,
      graphql: async <T>(query: string, variables?: object) => (await postGraphql<T>(endpoint, query, variables)).body,
      request: (query, variables, cookie) => postGraphql(endpoint, query, variables, cookie),
      async as(role, userOptions = {}) {
        const user = await signIn(database.url, role, { ...userOptions, secure });
        return {
          ...user,
          graphql: async <T>(query: string, variables?: object) => (await postGraphql<T>(endpoint, query, variables, user.cookie)).body,
        };
      },
      get: (type) => server.app.get(type),
      async close() {
        try {
          await server.close();
        } finally {
          await database.drop();
        }
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** Tests log nothing unless LOG_LEVEL asks (e.g. `LOG_LEVEL=debug npx jest …` to see what the app says). */
export function testLogLevel(): LogLevelName {
  const level = process.env['LOG_LEVEL'];
  return (LOG_LEVELS as readonly string[]).includes(level ?? '') ? (level as LogLevelName) : 'silent';
}

export async function postGraphql<T>(endpoint: string, query: string, variables?: object, cookie?: string): Promise<HttpGraphqlResponse<T>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphqlResponse<T>;
  if (!response.ok && !body.errors) throw new Error(`POST ${endpoint} answered ${response.status}`);
  return { status: response.status, headers: response.headers, body };
}
