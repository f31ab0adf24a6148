import type { IncomingMessage } from 'node:http';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { Observable } from 'rxjs';
import { runAsActor } from '../database/actor-scope.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';
import { requestActor } from './session-user.js';

/**
 * Runs every resolver (field resolvers included) and HTTP route as the request's actor, so that
 * `TenantDatabase.run` opens its transactions for that actor's partnership and role.
 */
@Injectable()
export class ActorScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const actor = context.getType<GqlContextType>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<GraphqlContext>().actor
      : requestActor(context.switchToHttp().getRequest<IncomingMessage>());
    return new Observable((subscriber) => runAsActor(actor, () => next.handle().subscribe(subscriber)));
  }
}
