import type { IncomingMessage } from 'node:http';

/**
 * The address of the client that sent a request. Behind a reverse proxy that is not the
 * socket's peer (the proxy) but what Express works out from X-Forwarded-For — only when
 * the `trust proxy` setting names that proxy (TRUST_PROXY, docs/security.md); otherwise
 * Express's `req.ip` is the socket's address and a forged header changes nothing.
 */
export function clientAddress(req: IncomingMessage): string | null {
  const fromExpress = (req as IncomingMessage & { readonly ip?: unknown }).ip;
  if (typeof fromExpress === 'string' && fromExpress !== '') return fromExpress;
  return req.socket?.remoteAddress ?? null;
}
