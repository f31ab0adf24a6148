import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Level, Logger } from 'pino';
import { requestIdOf } from '../common/request/request-id.js';
import { graphqlOperationOf } from './graphql-operation-log.js';
import { runWithRequestId } from './request-scope.js';

type Next = (error?: unknown) => void;

/** The request's path without its query string (ids and filters may sit there; the path says enough). */
function pathOf(req: IncomingMessage): string {
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  return url.split('?')[0] ?? '/';
}

/** The one line logged per request: method, path, status, duration, and a GraphQL operation's name and error codes. */
function requestFields(req: IncomingMessage, res: ServerResponse, responseTime: number): Record<string, unknown> {
  const operation = graphqlOperationOf(req);
  return {
    req: { method: req.method, url: pathOf(req) },
    res: { statusCode: res.statusCode },
    responseTime,
    ...(operation ? { graphql: operation } : {}),
  };
}

/** e.g. "POST /graphql 200 (mutation RecordEscalation) 38 ms". */
function describe(req: IncomingMessage, res: ServerResponse, responseTime: number): string {
  const operation = graphqlOperationOf(req);
  const named = operation ? ` (${operation.type ?? 'operation'} ${operation.name ?? 'anonymous'})` : '';
  return `${req.method} ${pathOf(req)} ${res.statusCode}${named} ${responseTime} ms`;
}

/** Failures (5xx) at error, 503 and refusals (4xx) at warn, health probes that succeed at debug, the rest at info. */
function levelOf(req: IncomingMessage, res: ServerResponse): Level {
  // 503 is the service saying it is unavailable (restarting, its database away): expected, said in one place, not a fault.
  if (res.statusCode === 503) return 'warn';
  if (res.statusCode >= 500) return 'error';
  if (pathOf(req).startsWith('/health/')) return 'debug';
  return res.statusCode >= 400 ? 'warn' : 'info';
}

/**
 * Express middleware, first in the chain: gives the request its id (requestIdOf), sends
 * it back in `X-Request-Id`, and logs one line when the response ends (or the client
 * goes away first: at warn, "aborted"), with `requestId` — never headers, cookies,
 * bodies or GraphQL variables. The line is written straight from one logger, with no
 * logger made per request: at a few hundred requests a second that is most of what
 * logging would otherwise cost.
 */
export function httpLogger(root: Logger): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const logger = root.child({ context: 'HTTP' });
  return (req, res, next) => {
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    const started = Date.now();
    const ended = () => {
      res.removeListener('finish', ended);
      res.removeListener('close', ended);
      const aborted = !res.writableFinished;
      const level = aborted ? 'warn' : levelOf(req, res);
      if (!logger.isLevelEnabled(level)) return;
      const responseTime = Date.now() - started;
      logger[level]({ requestId, ...requestFields(req, res, responseTime) }, `${describe(req, res, responseTime)}${aborted ? ' (aborted by the client)' : ''}`);
    };
    res.on('finish', ended);
    res.on('close', ended);
    runWithRequestId(requestId, () => next());
  };
}
