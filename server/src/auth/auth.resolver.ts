import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientAddress } from '../common/actor/client-address.js';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';
import { Access } from './access.decorator.js';
import { SignInInput } from './dto/sign-in.input.js';
import { Viewer } from './models/viewer.model.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { requestActor, requestSession } from './session-user.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';
import { toViewer } from './viewer.mapper.js';

@Resolver(() => Viewer)
export class AuthResolver {
  constructor(
    private readonly signInService: SignInService,
    private readonly sessions: SessionsService,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  @Query(() => Viewer, { nullable: true, description: 'The signed-in user; null when nobody is signed in.' })
  @Access('Query.me')
  me(@Context('req') req: IncomingMessage): Viewer | null {
    const { user } = requestSession(req);
    return user ? toViewer(user) : null;
  }

  @Mutation(() => Viewer, {
    description: 'Signs in with email and password and sets the session cookie. Any failure is SIGN_IN_FAILED; too many attempts, RATE_LIMITED.',
  })
  @Access('Mutation.signIn')
  async signIn(
    @Args('input') input: SignInInput,
    @Context('req') req: IncomingMessage,
    @Context('res') res: ServerResponse,
  ): Promise<Viewer> {
    const signedIn = await this.signInService.signIn(
      input.email,
      input.password,
      { ip: clientAddress(req), userAgent: req.headers['user-agent'] ?? null },
      requestActor(req),
    );
    const previous = requestSession(req).token;
    if (previous) await this.sessions.end(previous);
    res.appendHeader('Set-Cookie', sessionCookie(signedIn.token, this.config.auth.secureCookie));
    return toViewer(signedIn.user);
  }

  @Mutation(() => Boolean, { description: 'Ends the session in the cookie for good and clears the cookie; false when there was none. Audited.' })
  @Access('Mutation.signOut')
  async signOut(@Context('req') req: IncomingMessage, @Context('res') res: ServerResponse): Promise<boolean> {
    const { token, user } = requestSession(req);
    res.appendHeader('Set-Cookie', clearedSessionCookie(this.config.auth.secureCookie));
    return this.signInService.signOut(token, user, requestActor(req));
  }
}
