import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '../common/actor/actor.js';

const scope = new AsyncLocalStorage<Actor>();

/**
 * Runs `work` with `actor` as the current actor of everything it awaits, so that
 * `TenantDatabase.run` knows whose transaction it opens. The access interceptor enters
 * it around every resolver; background work enters it with SYSTEM_ACTOR.
 */
export function runAsActor<T>(actor: Actor, work: () => T): T {
  return scope.run(actor, work);
}

/** The actor of the resolver (or job) being run; undefined outside one. */
export function currentActor(): Actor | undefined {
  return scope.getStore();
}
