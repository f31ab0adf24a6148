import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module.js';
import { AuditChainService } from './audit-chain.service.js';
import { AuditExportController } from './audit-export.controller.js';
import { AuditExportService } from './audit-export.service.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';
import { AuditTrailService } from './audit-trail.service.js';

/**
 * The append-only, hash-chained audit trail. Other modules append through `AuditService`
 * and read it through `AuditTrailService`.
 */
@Module({
  imports: [PartnershipsModule],
  controllers: [AuditExportController],
  providers: [AuditService, AuditChainService, AuditTrailService, AuditExportService, AuditResolver],
  exports: [AuditService, AuditTrailService, AuditChainService],
})
export class AuditModule {}
