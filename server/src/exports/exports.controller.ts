import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { Access } from '../auth/access.decorator.js';
import { requestActor } from '../auth/session-user.js';
import { Clock } from '../common/clock/clock.js';
import { HttpApiExceptionFilter } from '../common/errors/http-api-exception.filter.js';
import { QuarterlyReportService } from '../reports/quarterly-report.service.js';
import { describePeriod, lastCompleteQuarter, type ReportPeriod } from '../reports/quarter.js';
import { AnalyticsExportService, analyticsTableName } from './analytics-export.service.js';
import { EscalationExportQuery, FiguresExportQuery } from './dto/export.query.js';
import { EscalationExportService } from './escalation-export.service.js';
import { ExportsErrorCode, ExportsException } from './exports.exception.js';

/** Sends a download: its type, its file name, and never a cached copy (the figures change). */
function startDownload(res: ServerResponse, contentType: string, fileName: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '-')}"`);
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * Downloads (plain HTTP GETs, so a link or the command line can fetch them): the
 * filtered escalation list, each analytics statistic, and the quarterly report.
 * Errors before the download starts are JSON `{ code, message }` with a 4xx status.
 */
@Controller('exports')
@UseFilters(HttpApiExceptionFilter)
export class ExportsController {
  constructor(
    private readonly escalations: EscalationExportService,
    private readonly analytics: AnalyticsExportService,
    private readonly reports: QuarterlyReportService,
    private readonly clock: Clock,
  ) {}

  @Get('escalations.csv')
  @Access('GET /exports/escalations.csv')
  async escalationList(@Query() query: EscalationExportQuery, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    startDownload(res, 'text/csv; charset=utf-8', `escalations-${this.clock.now().toISOString().slice(0, 10)}.csv`);
    await this.escalations.write(res, query, requestActor(req));
    res.end();
  }

  @Get('analytics/:table')
  @Access('GET /exports/analytics/:table')
  async analyticsTable(@Param('table') table: string, @Query() query: FiguresExportQuery, @Res() res: ServerResponse): Promise<void> {
    const name = analyticsTableName(table);
    const period = this.period(query);
    const scope = { partnershipId: query.partnershipId, from: period.from, to: period.to, publication: query.publication ?? false };
    const text = await this.analytics.render(name, scope);
    startDownload(res, 'text/csv; charset=utf-8', `${table.replace(/\.csv$/, '')}-${period.from}-to-${period.to}${scope.publication ? '-for-publication' : ''}.csv`);
    res.end(text);
  }

  @Get('quarterly-report.pdf')
  @Access('GET /exports/quarterly-report.pdf')
  async quarterlyReport(@Query() query: FiguresExportQuery, @Res() res: ServerResponse): Promise<void> {
    const period = this.period(query);
    startDownload(res, 'application/pdf', `escalations-report-${period.label.replace(/[ /]/g, '-')}.pdf`);
    await new Promise<void>((resolve, reject) => {
      res.once('finish', resolve);
      res.once('error', reject);
      this.reports.write(res, query.partnershipId, period, query.publication ?? false).catch(reject);
    });
  }

  /** The period asked for, or the last complete quarter. @throws ExportsException INVALID_PERIOD */
  private period(query: FiguresExportQuery): ReportPeriod {
    if (!query.from && !query.to) return lastCompleteQuarter(this.clock.now());
    if (!query.from || !query.to || query.from >= query.to) {
      throw new ExportsException(ExportsErrorCode.INVALID_PERIOD, 'Give both from and to (YYYY-MM-DD), from before to: the period is [from, to).');
    }
    return describePeriod(query.from, query.to);
  }
}
