import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { GRAPHQL_PATH } from '../graphql/graphql-options.js';

/** Paths the web app never claims: the API and the probes. */
const API_PREFIXES = [GRAPHQL_PATH, '/health'];

interface SpaRequest {
  readonly method: string;
  readonly path: string;
}
interface SpaResponse {
  setHeader(name: string, value: string): unknown;
  sendFile(file: string, callback: (error?: Error) => void): void;
}

/**
 * Serves the built web app from `webDist` on the API's port: its files as they are, and
 * `index.html` for any other GET of a page (a path with no file extension) outside
 * /graphql and /health, so that client-side routes survive a reload. Registered before
 * the API routes, so it must let everything else through.
 */
export function serveWebApp(app: NestExpressApplication, webDist: string, logger: Logger): void {
  const indexFile = path.join(webDist, 'index.html');
  if (!existsSync(indexFile)) {
    logger.warn(`The web app is not built (${indexFile} is missing): serving the API only. Build it with "npm run build -w web".`);
    return;
  }
  app.useStaticAssets(webDist, {
    index: false,
    fallthrough: true,
    setHeaders: (response: SpaResponse, file: string) => {
      if (file.includes(`${path.sep}assets${path.sep}`)) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  app.use((request: SpaRequest, response: SpaResponse, next: (error?: unknown) => void) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && path.posix.extname(request.path) === '';
    const isApi = API_PREFIXES.some((prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`));
    if (!isPage || isApi) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile, (error) => (error ? next(error) : undefined));
  });
  logger.log(`Serving the web app from ${webDist}`);
}
