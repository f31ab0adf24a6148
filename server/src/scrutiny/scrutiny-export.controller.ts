import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { Access } from '../auth/access.decorator.js';
import { requestActor } from '../auth/session-user.js';
import { HttpApiExceptionFilter } from '../common/errors/http-api-exception.filter.js';
import { ScrutinyExportQuery } from './dto/scrutiny-review.args.js';
import { ScrutinyExportService } from './scrutiny-export.service.js';

/** `GET /exports/scrutiny.csv?partnershipId=&from=&to=`: the scrutiny review as a download. Errors are JSON `{ code, message }`. */
@Controller('exports')
@UseFilters(HttpApiExceptionFilter)
export class ScrutinyExportController {
  constructor(private readonly exports: ScrutinyExportService) {}

  @Get('scrutiny.csv')
  @Access('GET /exports/scrutiny.csv')
  async scrutinyReview(@Query() query: ScrutinyExportQuery, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    const text = await this.exports.render(query, requestActor(req));
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="scrutiny-${query.from}-to-${query.to}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.end(text);
  }
}
