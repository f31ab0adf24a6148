import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PartnershipsModule } from '../partnerships/partnerships.module.js';
import { RetentionJobService } from './retention-job.service.js';
import { RetentionSettingsService } from './retention-settings.service.js';
import { RetentionResolver } from './retention.resolver.js';
import { RetentionScheduler } from './retention.scheduler.js';

/** Record retention: each partnership's period, and the job that clears record-level detail past it. */
@Module({
  imports: [AuditModule, PartnershipsModule],
  providers: [RetentionResolver, RetentionSettingsService, RetentionJobService, RetentionScheduler],
  exports: [RetentionJobService],
})
export class RetentionModule {}
