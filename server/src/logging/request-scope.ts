import { AsyncLocalStorage } from 'node:async_hooks';
import { currentActor } from '../database/actor-scope.js';

const scope = new AsyncLocalStorage<string>();

/** Runs `work` with `requestId` as the id every log line written inside it carries. */
export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return scope.run(requestId, work);
}

/**
 * The id of the request being served, for log lines: entered by the HTTP logger, and
 * (where body parsing has lost that context) the current actor's, which the access
 * interceptor enters around every resolver and route. Undefined outside a request.
 */
export function currentRequestId(): string | undefined {
  return scope.getStore() ?? currentActor()?.requestId ?? undefined;
}
