import type { ServerResponse } from 'node:http';
import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { Access } from '../../auth/access.decorator.js';
import { HttpApiExceptionFilter } from '../../common/errors/http-api-exception.filter.js';
import { BriefingParams, BriefingQuery } from './briefing.query.js';
import { BriefingService } from './briefing.service.js';

/** "threshold-decisions-are-not-always-explained" from a title, for the file name. */
function slug(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'learning';
}

/**
 * The 7-minute briefing of a learning item as a one-page PDF download. Errors before the
 * download starts (an unknown item) are JSON `{ code, message }` with a 4xx status.
 */
@Controller('learning')
@UseFilters(HttpApiExceptionFilter)
export class BriefingController {
  constructor(private readonly briefings: BriefingService) {}

  @Get(':id/briefing.pdf')
  @Access('GET /learning/:id/briefing.pdf')
  async briefing(@Param() params: BriefingParams, @Query() query: BriefingQuery, @Res() res: ServerResponse): Promise<void> {
    const { item, document } = await this.briefings.prepare(query.partnershipId, params.id);
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="7-minute-briefing-${slug(item.title)}.pdf"`);
    res.setHeader('Cache-Control', 'no-store');
    await new Promise<void>((resolve, reject) => {
      res.once('finish', resolve);
      res.once('error', reject);
      try {
        this.briefings.write(document, res);
      } catch (error) {
        reject(error);
      }
    });
  }
}
