import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { checkPeriod } from '../analytics/analytics-scope.js';
import { AnalyticsException } from '../analytics/analytics.exception.js';
import { lengthInDays } from '../analytics/period.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { NationalFilterInput } from './dto/national-overview.args.js';
import type { NationalOverview } from './models/national-overview.model.js';
import { nationalFigures } from './national-figures.js';
import { readPartnershipCounts } from './national-overview-sql.js';

/**
 * The national picture: per partnership and in total, escalations raised, still open,
 * reach by tier and timescale compliance, read from the national_*_daily aggregate views
 * in one read-only snapshot. Small numbers are always suppressed: this answer is for
 * national and regional viewers, who have no record-level access anywhere.
 */
@Injectable()
export class NationalOverviewService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
  ) {}

  /** @throws AnalyticsException INVALID_PERIOD, PERIOD_TOO_LONG, PARTNERSHIP_NOT_FOUND */
  overview(filter: NationalFilterInput): Promise<NationalOverview> {
    checkPeriod(filter.from, filter.to);
    const period = { from: filter.from, to: filter.to };
    const asOf = this.clock.now();
    return this.db.run(async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const ids = await this.partnerships(manager, filter.partnershipIds);
      const figures = nationalFigures(await readPartnershipCounts(manager, period, ids), true);
      return {
        period: { ...period, days: lengthInDays(period) },
        partnerships: figures.partnerships,
        total: figures.total,
        smallNumbersSuppressed: figures.applied,
        asOf,
      };
    }, 'REPEATABLE READ');
  }

  /** The partnerships asked for (each must exist), or every one. */
  private async partnerships(manager: EntityManager, asked: readonly string[] | null | undefined): Promise<string[]> {
    const wanted = asked && asked.length > 0 ? [...new Set(asked)] : null;
    const rows = (await manager.query(
      wanted ? `SELECT id::text AS id FROM partnership WHERE id = ANY($1::bigint[]) ORDER BY partnership.id` : `SELECT id::text AS id FROM partnership ORDER BY partnership.id`,
      wanted ? [wanted] : [],
    )) as { id: string }[];
    const found = rows.map((row) => row.id);
    const missing = wanted?.filter((id) => !found.includes(id)) ?? [];
    if (missing.length > 0) throw AnalyticsException.partnershipsNotFound(missing);
    return found;
  }
}
