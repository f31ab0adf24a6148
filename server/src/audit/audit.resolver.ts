import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { AuditChainService } from './audit-chain.service.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditTrailArgs } from './dto/audit-trail.args.js';
import { VerifyAuditChainArgs } from './dto/verify-audit-chain.args.js';
import { AuditChainVerification } from './models/audit-chain-verification.model.js';
import { AuditTrailPage } from './models/audit-trail-page.model.js';

@Resolver(() => AuditChainVerification)
export class AuditResolver {
  constructor(
    private readonly auditChain: AuditChainService,
    private readonly trailService: AuditTrailService,
  ) {}

  @Query(() => AuditChainVerification, {
    description:
      "Re-checks every audit event of a partnership's chain (or, without one, of the chain outside any partnership) against its hashes; " +
      'reports the first event that was changed, removed or inserted.',
  })
  @Access('Query.verifyAuditChain')
  verifyAuditChain(@Args() args: VerifyAuditChainArgs): Promise<AuditChainVerification> {
    return this.auditChain.verify(args.partnershipId ?? null);
  }

  @Query(() => AuditTrailPage, {
    description:
      'The audit trail, newest first, a page at a time: who did what to which record, when, and each event\'s hashes. ' +
      'Administrators see no changes of events about records (changesWithheld). Errors: INVALID_CURSOR, INVALID_PERIOD, BAD_USER_INPUT.',
  })
  @Access('Query.auditTrail')
  auditTrail(@Args() args: AuditTrailArgs): Promise<AuditTrailPage> {
    return this.trailService.list(args.filter ?? {}, { first: args.first, after: args.after ?? null });
  }
}
