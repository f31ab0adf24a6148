import { createApp } from '@escalation-insights/server';
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

export interface TestApp {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly databaseUrl: string;
  /** Sends a GraphQL operation over HTTP, as the web app does. */
  graphql<T = Record<string, unknown>>(query: string, variables?: object): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

export interface StartTestAppOptions {
  /** Fills the fresh database before the app boots. */
  readonly seed?: (databaseUrl: string) => Promise<unknown>;
  readonly serveWeb?: boolean;
  /** The built web app to serve (default: the repository's web/dist). */
  readonly webDist?: string;
  readonly production?: boolean;
}

/** The real app on a free port of 127.0.0.1, over a database of its own. */
export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  try {
    if (options.seed) await options.seed(database.url);
    const server = await createApp({
      databaseUrl: database.url,
      host: '127.0.0.1',
      port: 0,
      serveWeb: options.serveWeb ?? false,
      ...(options.webDist ? { webDist: options.webDist } : {}),
      production: options.production ?? false,
      logger: ['error', 'warn'],
    });
    return {
      url: server.url,
      databaseUrl: database.url,
      graphql: (query, variables) => postGraphql(`${server.url}/graphql`, query, variables),
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

async function postGraphql<T>(endpoint: string, query: string, variables?: object): Promise<GraphqlResponse<T>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphqlResponse<T>;
  if (!response.ok && !body.errors) throw new Error(`POST ${endpoint} answered ${response.status}`);
  return body;
}
