import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { Observable } from 'rxjs';
import { runAsActor } from '../database/actor-scope.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';

/**
 * Runs every resolver (field resolvers included) as the request's actor, so that
 * `TenantDatabase.run` opens its transactions for that actor's partnership and role.
 */
@Injectable()
export class ActorScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const { actor } = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    return new Observable((subscriber) => runAsActor(actor, () => next.handle().subscribe(subscriber)));
  }
}
