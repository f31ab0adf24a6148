import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header a request id arrives in (from a proxy or a client) and is sent back in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What an incoming id may look like: short, and nothing that could break a log line or a header. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

const ids = new WeakMap<IncomingMessage, string>();

/**
 * The one id of a request, used in its log lines, its `X-Request-Id` response header and
 * its audit events: the incoming `X-Request-Id` when it is well formed, else a new UUID.
 * Decided on first use and the same on every later call.
 */
export function requestIdOf(req: IncomingMessage): string {
  let id = ids.get(req);
  if (id === undefined) {
    const header = req.headers[REQUEST_ID_HEADER];
    id = typeof header === 'string' && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
    ids.set(req, id);
  }
  return id;
}
