import { describe, expect, it } from '@jest/globals';
import { AuditedView, AuditedViewInterceptor, type SensitiveView, type SensitiveViewRecorder } from '@escalation-insights/server';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { lastValueFrom, of } from 'rxjs';

/*
 * The hook that audits views of sensitive detail: a resolver marked @AuditedView has the
 * view recorded (who opened which record) before its result goes out.
 */

class TimelineResolver {
  timeline(): void {}

  plain(): void {}
}
// As `@AuditedView(...)` on the method (this package compiles without legacy decorators).
AuditedView({
  action: 'escalation.timeline_viewed',
  entityType: 'escalation',
  identify: (args: { id: string; partnershipId: string }) => ({ partnershipId: args.partnershipId, entityId: args.id }),
})(TimelineResolver.prototype, 'timeline', Object.getOwnPropertyDescriptor(TimelineResolver.prototype, 'timeline')!);

const USER = { kind: 'user', userId: '7', role: 'scrutineer', partnershipId: '3', label: 'someone@test.example', requestIp: null, requestId: 'r1' } as const;

function graphqlCall(handler: () => void, actor: object, args: object): ExecutionContextHost {
  const context = new ExecutionContextHost([{}, args, { actor }, {}], TimelineResolver, handler);
  context.setType('graphql');
  return context;
}

function interceptor(record: (view: SensitiveView) => Promise<void>): AuditedViewInterceptor {
  const recorder = { record: (_actor: unknown, view: SensitiveView) => record(view) } as unknown as SensitiveViewRecorder;
  return new AuditedViewInterceptor(new Reflector(), recorder);
}

describe('@AuditedView', () => {
  const args = { id: '42', partnershipId: '3' };

  it('records who opened which record, then sends the result', async () => {
    const recorded: SensitiveView[] = [];
    const call = graphqlCall(TimelineResolver.prototype.timeline, USER, args);
    const result = await lastValueFrom(interceptor(async (view) => void recorded.push(view)).intercept(call, { handle: () => of('the timeline') }));
    expect(result).toBe('the timeline');
    expect(recorded).toEqual([{ action: 'escalation.timeline_viewed', entityType: 'escalation', entityId: '42', partnershipId: '3' }]);
  });

  it('sends nothing when the view cannot be recorded', async () => {
    const call = graphqlCall(TimelineResolver.prototype.timeline, USER, args);
    const failing = interceptor(async () => {
      throw new Error('audit trail unavailable');
    });
    await expect(lastValueFrom(failing.intercept(call, { handle: () => of('the timeline') }))).rejects.toThrow('audit trail unavailable');
  });

  it('leaves resolvers without it alone', async () => {
    const recorded: SensitiveView[] = [];
    const call = graphqlCall(TimelineResolver.prototype.plain, USER, args);
    await lastValueFrom(interceptor(async (view) => void recorded.push(view)).intercept(call, { handle: () => of('x') }));
    expect(recorded).toEqual([]);
  });
});
