import { SetMetadata } from '@nestjs/common';

/** Which record a resolver shows, worked out from its arguments and its result. */
export interface AuditedViewSpec<TArgs = Record<string, unknown>, TResult = unknown> {
  /** The audit action, e.g. `escalation.timeline_viewed`. */
  readonly action: string;
  readonly entityType: string;
  readonly identify: (args: TArgs, result: TResult) => { readonly partnershipId: string; readonly entityId: string } | null;
}

export const AUDITED_VIEW_METADATA = 'escalation-insights:audited-view';

/**
 * Records in the audit trail that the signed-in user opened sensitive detail, e.g.
 * `@AuditedView({ action: 'escalation.timeline_viewed', entityType: 'escalation',
 *   identify: (args: EscalationArgs) => ({ partnershipId: args.partnershipId, entityId: args.id }) })`.
 * The view is recorded once the resolver has its result; if it cannot be recorded, the
 * result is not sent.
 */
export const AuditedView = <TArgs, TResult>(spec: AuditedViewSpec<TArgs, TResult>): MethodDecorator =>
  SetMetadata(AUDITED_VIEW_METADATA, spec);
