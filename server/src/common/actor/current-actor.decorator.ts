import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlContext } from '../../graphql/graphql-context.js';
import type { Actor } from './actor.js';

/** The request's actor in a resolver: `@CurrentActor() actor: Actor`. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return GqlExecutionContext.create(context).getContext<GraphqlContext>().actor;
});
