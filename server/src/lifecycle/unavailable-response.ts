import type { IncomingMessage, ServerResponse } from 'node:http';
import { RETRY_AFTER_SECONDS, serviceUnavailable, type UnavailableReason } from '../common/errors/common-error-code.js';
import { GRAPHQL_PATH } from '../graphql/graphql-options.js';

/**
 * Answers 503 with a Retry-After header, before any resolver or route runs: to GraphQL
 * as a GraphQL error (`extensions.code` SERVICE_UNAVAILABLE), to anything else as the
 * HTTP routes' JSON error `{ code, message, retryAfterSeconds }`.
 */
export function sendUnavailable(req: IncomingMessage, res: ServerResponse, reason: UnavailableReason): void {
  const error = serviceUnavailable(reason);
  const detail = { code: error.code, retryAfterSeconds: RETRY_AFTER_SECONDS };
  // Inside a middleware mounted on a path, Express has cut that path from `url`; `originalUrl` keeps it.
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
  const graphql = url.split('?')[0] === GRAPHQL_PATH;
  const body = graphql ? { errors: [{ message: error.message, extensions: detail }] } : { ...detail, message: error.message };
  res.statusCode = 503;
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  if (reason === 'shutting_down') res.setHeader('Connection', 'close');
  res.end(JSON.stringify(body));
}
