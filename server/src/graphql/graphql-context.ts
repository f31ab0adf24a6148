import type { IncomingMessage } from 'node:http';
import type { RequestLoaders } from './request-loaders.js';

/** The context every resolver sees: `@Context('loaders') loaders: RequestLoaders`. */
export interface GraphqlContext {
  readonly req: IncomingMessage;
  readonly loaders: RequestLoaders;
}
