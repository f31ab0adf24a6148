import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module.js';
import { AuditChainService } from './audit-chain.service.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/** The append-only, hash-chained audit trail. Other modules append through `AuditService`. */
@Module({
  imports: [PartnershipsModule],
  providers: [AuditService, AuditChainService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
