import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../common/actor/actor.js';
import type { RequestLoaders } from './request-loaders.js';

/**
 * The context every resolver sees: `@Context('loaders') loaders: RequestLoaders`, and
 * the request's actor through `@CurrentActor()`.
 */
export interface GraphqlContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly loaders: RequestLoaders;
  readonly actor: Actor;
}
