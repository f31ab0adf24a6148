import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { Access } from '../auth/access.decorator.js';
import { requestActor } from '../auth/session-user.js';
import { Clock } from '../common/clock/clock.js';
import { HttpApiExceptionFilter } from '../common/errors/http-api-exception.filter.js';
import { auditTrailWhere } from './audit-trail-query.js';
import { AuditExportService } from './audit-export.service.js';
import { AuditExportQuery } from './dto/audit-export.query.js';

/** `GET /exports/audit.csv`: the audit trail, filtered as on the page, as a download. */
@Controller('exports')
@UseFilters(HttpApiExceptionFilter)
export class AuditExportController {
  constructor(
    private readonly exports: AuditExportService,
    private readonly clock: Clock,
  ) {}

  @Get('audit.csv')
  @Access('GET /exports/audit.csv')
  async auditTrail(@Query() query: AuditExportQuery, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    auditTrailWhere(query); // refuses a bad period before the download starts
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="audit-trail-${this.clock.now().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    await this.exports.write(res, query, requestActor(req));
    res.end();
  }
}
