import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { from, mergeMap, type Observable } from 'rxjs';
import type { GraphqlContext } from '../graphql/graphql-context.js';
import { AUDITED_VIEW_METADATA, type AuditedViewSpec } from './audited-view.decorator.js';
import { SensitiveViewRecorder } from './sensitive-view-recorder.js';

/** Global: for handlers marked @AuditedView, records the view before the result goes out. */
@Injectable()
export class AuditedViewInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly recorder: SensitiveViewRecorder,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditedViewSpec<unknown, unknown> | undefined>(AUDITED_VIEW_METADATA, context.getHandler());
    if (!spec || context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const graphql = GqlExecutionContext.create(context);
    const { actor } = graphql.getContext<GraphqlContext>();
    const args = graphql.getArgs<unknown>();
    return next.handle().pipe(
      mergeMap((result) => {
        const seen = spec.identify(args, result);
        if (!seen || actor.kind !== 'user') return from(Promise.resolve(result));
        return from(
          this.recorder
            .record(actor, { action: spec.action, entityType: spec.entityType, ...seen })
            .then(() => result),
        );
      }),
    );
  }
}
