import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ScrutinyExportController } from './scrutiny-export.controller.js';
import { ScrutinyExportService } from './scrutiny-export.service.js';
import { ScrutinyResolver } from './scrutiny.resolver.js';
import { ScrutinyService } from './scrutiny.service.js';

/** The scrutineer's review of escalations that reached tier 4 or 5, in the app and as CSV. */
@Module({
  imports: [AuditModule],
  controllers: [ScrutinyExportController],
  providers: [ScrutinyResolver, ScrutinyService, ScrutinyExportService],
})
export class ScrutinyModule {}
