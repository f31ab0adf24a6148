import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module.js';
import { GRAPHQL_PATH } from '../graphql/graphql-options.js';
import { AccessGuard } from './access.guard.js';
import { ActorScopeInterceptor } from './actor-scope.interceptor.js';
import { AuditedViewInterceptor } from './audited-view.interceptor.js';
import { AuthResolver } from './auth.resolver.js';
import { SensitiveViewRecorder } from './sensitive-view-recorder.js';
import { SessionMiddleware } from './session.middleware.js';
import { SessionsService } from './sessions.service.js';
import { SignInAudit } from './sign-in-audit.js';
import { SignInService } from './sign-in.service.js';

/** HTTP routes outside GraphQL that signed-in users call (uploads and downloads): they read the session cookie too. */
export const SIGNED_IN_HTTP_ROUTES = ['imports', 'exports/*path', 'learning/*path'];

/**
 * Sign-in, sessions, the access guard on every resolver and route, and the audit of
 * views of sensitive detail (docs/security.md, docs/access-matrix.md).
 */
@Module({
  imports: [AuditModule],
  providers: [
    AuthResolver,
    SessionsService,
    SignInService,
    SignInAudit,
    SessionMiddleware,
    SensitiveViewRecorder,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: ActorScopeInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuditedViewInterceptor },
  ],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionMiddleware).forRoutes(GRAPHQL_PATH, ...SIGNED_IN_HTTP_ROUTES);
  }
}
