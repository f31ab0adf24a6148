import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { GRAPHQL_PATH } from '../graphql/graphql-options.js';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * The content security policy of the web app: everything from this origin, nothing
 * inline, nothing from elsewhere, never framed. The Vite build has no inline script or
 * style, and React sets style properties through the DOM, which CSP allows.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  // Left out: upgrade-insecure-requests would break plain-HTTP development; HTTPS deployments get HSTS.
} as const;

/**
 * helmet's headers on every response (API, web app and probes). Outside production the
 * GraphiQL page on GET /graphql loads its scripts from a CDN, so it goes without a CSP;
 * in production there is no GraphiQL.
 */
export function securityHeaders(production: boolean): Middleware {
  const options = {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' as const },
  };
  const everywhere = helmet(options) as Middleware;
  const withoutCsp = helmet({ ...options, contentSecurityPolicy: false }) as Middleware;
  return (req, res, next) => {
    const graphiql = !production && req.method === 'GET' && (req.url ?? '').split('?')[0] === GRAPHQL_PATH;
    (graphiql ? withoutCsp : everywhere)(req, res, next);
  };
}
