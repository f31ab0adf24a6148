import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp, startTime } from 'pino-http';
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

/**
 * Express middleware, first in the chain: gives the request its id (requestIdOf), sends
 * it back in `X-Request-Id`, and logs one line when the response ends, with `requestId`
 * — never headers, cookies, bodies or GraphQL variables. Failures (5xx) log at error
 * level, 503 and refusals (4xx) at warn, health probes that succeed at debug, the rest at info.
 */
export function httpLogger(root: Logger): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const middleware = pinoHttp({
    logger: root.child({ context: 'HTTP' }),
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    wrapSerializers: false,
    customLogLevel: (req, res, error) => {
      // 503 is the service saying it is unavailable (restarting, its database away): expected, said in one place, not a fault.
      if (res.statusCode === 503) return 'warn';
      if (error || res.statusCode >= 500) return 'error';
      if (pathOf(req).startsWith('/health/')) return 'debug';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
    customSuccessMessage: (req, res, responseTime) => describe(req, res, responseTime),
    customErrorMessage: (req, res) => describe(req, res, Date.now() - (res[startTime] ?? Date.now())),
    customSuccessObject: (req, res, value: { responseTime: number }) => requestFields(req, res, value.responseTime),
    customErrorObject: (req, res, _error, value: { responseTime: number }) => requestFields(req, res, value.responseTime),
  });
  return (req, res, next) => middleware(req, res, () => runWithRequestId(requestIdOf(req), () => next()));
}
