import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database.js';
import type { Partnership } from '../partnerships/models/partnership.model.js';
import { PartnershipsService } from '../partnerships/partnerships.service.js';
import { AnalyticsException } from './analytics.exception.js';
import type { ThemeSignalSettingsInput } from './dto/theme-signal-settings.input.js';

/** A partnership's theme-signal thresholds N (theme_min_count) and W (theme_window_days). */
@Injectable()
export class ThemeSignalSettingsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly partnerships: PartnershipsService,
  ) {}

  /**
   * Row-level security lets only an administrator of the partnership (or of every
   * partnership) change it; to anyone else it does not exist.
   * @throws AnalyticsException PARTNERSHIP_NOT_FOUND
   */
  async set(input: ThemeSignalSettingsInput): Promise<Partnership> {
    return this.db.run(async (manager) => {
      const rows: unknown[] = await manager.query(
        `WITH changed AS (
           UPDATE partnership SET theme_min_count = $2, theme_window_days = $3 WHERE id = $1::bigint RETURNING id
         ) SELECT id FROM changed`,
        [input.partnershipId, input.minCount, input.windowDays],
      );
      if (rows.length === 0) throw AnalyticsException.partnershipsNotFound([input.partnershipId]);
      return this.partnerships.get(input.partnershipId);
    });
  }
}
