import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendUnavailable } from './unavailable-response.js';

/** Work that outlives the request that started it (an import's run), which shutdown waits for. */
interface BackgroundWork {
  readonly name: string;
  /** Asks the work to give up: it rolls back and settles soon after. */
  readonly stop: () => void;
}

const POLL_MS = 25;

/**
 * What the running server is doing, for a graceful shutdown: whether it still takes
 * requests, how many are being served, and the background work still running. One per
 * app, made by createApp and provided to Nest (LifecycleModule) so that readiness and the
 * import runner can see and join in.
 */
export class ServerLifecycle {
  private drainingSince: number | undefined;
  private requests = 0;
  private readonly work = new Map<Promise<unknown>, BackgroundWork>();

  /** True once shutdown has begun: readiness says not ready and new requests get 503. */
  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  beginDrain(): void {
    this.drainingSince ??= Date.now();
  }

  /** Requests being served and background work running, by name. */
  busy(): { readonly requests: number; readonly work: string[] } {
    return { requests: this.requests, work: [...this.work.values()].map((work) => work.name) };
  }

  /**
   * Express middleware, early in the chain: counts the requests being served and, once
   * draining, refuses new ones with 503 SERVICE_UNAVAILABLE (health probes still answer).
   */
  readonly middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (this.draining && !(req.url ?? '').startsWith('/health/')) {
      sendUnavailable(req, res, 'shutting_down');
      return;
    }
    this.requests++;
    let counted = true;
    res.once('close', () => {
      if (counted) this.requests--;
      counted = false;
    });
    next();
  };

  /** Waits for `done` before the pool closes; `stop` is called if the grace period runs out first. */
  track(name: string, done: Promise<unknown>, stop: () => void): void {
    const settled = done.then(
      () => undefined,
      () => undefined,
    );
    this.work.set(settled, { name, stop });
    void settled.then(() => this.work.delete(settled));
  }

  /** Asks every piece of background work to stop; returns how many were asked. */
  stopWork(): number {
    for (const work of this.work.values()) work.stop();
    return this.work.size;
  }

  /** Resolves true once no request is being served and no work runs, false if `ms` pass first. */
  async idle(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    for (;;) {
      if (this.requests === 0 && this.work.size === 0) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))));
    }
  }
}
