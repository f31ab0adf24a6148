import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ServerLifecycle } from './server-lifecycle.js';

/** How long stopped work gets to roll back and record that it stopped. */
export const STOPPED_WORK_WAIT_MS = 5_000;
/** How long Nest gets to run its shutdown hooks (schedulers) and close the connection pool. */
export const APP_CLOSE_WAIT_MS = 10_000;

/**
 * Shuts the app down in order, within a bound:
 * 1. stop taking requests: readiness turns false at once and every new request gets 503
 *    SERVICE_UNAVAILABLE (with `Connection: close`), so that probes and clients hear why
 *    rather than find the port closed;
 * 2. wait up to `graceMs` for the requests being served and the background work (an
 *    import's run) to finish;
 * 3. if the time runs out, ask the work to stop (it rolls back) and wait up to
 *    STOPPED_WORK_WAIT_MS more;
 * 4. close the HTTP server and every connection left;
 * 5. close the app: Nest's shutdown hooks (schedulers), then the connection pool.
 * Throws if step 5 does not finish in APP_CLOSE_WAIT_MS.
 */
export async function closeGracefully(app: NestExpressApplication, lifecycle: ServerLifecycle, graceMs: number): Promise<void> {
  const logger = new Logger('Shutdown');
  lifecycle.beginDrain();
  const server = app.getHttpServer() as Server;

  const busy = lifecycle.busy();
  if (busy.requests > 0 || busy.work.length > 0) {
    logger.log(`Waiting up to ${graceMs} ms for ${describeBusy(busy)}`);
  }
  if (!(await lifecycle.idle(graceMs))) {
    logger.warn(`Still running after ${graceMs} ms: ${describeBusy(lifecycle.busy())}. Stopping it`);
    lifecycle.stopWork();
    if (!(await lifecycle.idle(STOPPED_WORK_WAIT_MS))) {
      logger.warn(`Still running after ${STOPPED_WORK_WAIT_MS} ms more: ${describeBusy(lifecycle.busy())}. Closing the connections`);
    }
  }
  const listenerClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await listenerClosed;
  logger.log('HTTP server closed');

  await withinTime(app.close(), APP_CLOSE_WAIT_MS, 'Closing the app (shutdown hooks, connection pool)');
  logger.log('Connection pool closed');
}

function describeBusy({ requests, work }: { readonly requests: number; readonly work: readonly string[] }): string {
  const parts = [...(requests > 0 ? [`${requests} request${requests === 1 ? '' : 's'}`] : []), ...work];
  return parts.join(', ') || 'nothing';
}

async function withinTime<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
