import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { AuditChainService } from './audit-chain.service.js';
import { VerifyAuditChainArgs } from './dto/verify-audit-chain.args.js';
import { AuditChainVerification } from './models/audit-chain-verification.model.js';

@Resolver(() => AuditChainVerification)
export class AuditResolver {
  constructor(private readonly auditChain: AuditChainService) {}

  @Query(() => AuditChainVerification, {
    description: "Re-checks every audit event of a partnership against the hash chain; reports the first event that was changed, removed or inserted.",
  })
  @Access('Query.verifyAuditChain')
  verifyAuditChain(@Args() args: VerifyAuditChainArgs): Promise<AuditChainVerification> {
    return this.auditChain.verify(args.partnershipId);
  }
}
