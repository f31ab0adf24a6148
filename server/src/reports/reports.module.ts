import { Module } from '@nestjs/common';
import { QuarterlyReportService } from './quarterly-report.service.js';

/**
 * Reports as PDF (pdf/report-document.ts draws them). The quarterly report reads the
 * analytics module's services, found at run time (it exports none).
 */
@Module({
  providers: [QuarterlyReportService],
  exports: [QuarterlyReportService],
})
export class ReportsModule {}
