import type { IncomingMessage } from 'node:http';
import {
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphqlContext } from '../graphql/graphql-context.js';
import { accessRule, decideAccess, type AccessDecision } from './access-matrix.js';
import { ACCESS_METADATA } from './access.decorator.js';
import { AuthException } from './auth.exception.js';
import { requestActor } from './session-user.js';

/**
 * The global guard (APP_GUARD) on every query, mutation, field resolver and HTTP route.
 * Denies by default: a handler passes only when it carries `@Access(coordinate)` naming
 * its own row of ACCESS_MATRIX and that row allows the actor's role.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const graphql = context.getType<GqlContextType>() === 'graphql';
    const coordinate = graphql ? graphqlCoordinate(context) : httpCoordinate(context);
    const key = this.reflector.get<string | undefined>(ACCESS_METADATA, context.getHandler());
    const rule = key === coordinate ? accessRule(key) : undefined;
    if (!rule) {
      this.logger.error(
        key === undefined
          ? `${coordinate} has no @Access decision: denied to everyone. Add its row to ACCESS_MATRIX and @Access('${coordinate}') to the handler.`
          : `${coordinate} is marked @Access('${key}'), which is not its own row of ACCESS_MATRIX: denied to everyone.`,
      );
      return refuse('forbidden', coordinate, graphql);
    }
    const actor = graphql ? GqlExecutionContext.create(context).getContext<GraphqlContext>().actor : requestActor(context.switchToHttp().getRequest<IncomingMessage>());
    const decision = decideAccess(rule, actor?.kind === 'user' ? actor.role : null);
    return decision === 'allowed' ? true : refuse(decision, coordinate, graphql);
  }
}

function refuse(decision: Exclude<AccessDecision, 'allowed'>, coordinate: string, graphql: boolean): never {
  if (graphql) throw decision === 'unauthenticated' ? AuthException.unauthenticated() : AuthException.forbidden(coordinate);
  throw decision === 'unauthenticated' ? new UnauthorizedException() : new ForbiddenException();
}

/** "Query.partnerships", "Partnership.agencies": GraphQL's schema coordinate of the field being resolved. */
function graphqlCoordinate(context: ExecutionContext): string {
  const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
  return `${info.parentType.name}.${info.fieldName}`;
}

/** "GET /health/live": the method and route pattern. */
function httpCoordinate(context: ExecutionContext): string {
  const request = context.switchToHttp().getRequest<{ method: string; route?: { path?: string }; path?: string }>();
  return `${request.method} ${request.route?.path ?? request.path ?? ''}`;
}
