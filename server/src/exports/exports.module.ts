import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { EscalationsModule } from '../escalations/escalations.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { AnalyticsExportService } from './analytics-export.service.js';
import { EscalationExportService } from './escalation-export.service.js';
import { ExportsController } from './exports.controller.js';

/** Downloads: the escalation list and every analytics statistic as CSV, the quarterly report as PDF. */
@Module({
  imports: [EscalationsModule, AuditModule, ReportsModule],
  controllers: [ExportsController],
  providers: [EscalationExportService, AnalyticsExportService],
})
export class ExportsModule {}
