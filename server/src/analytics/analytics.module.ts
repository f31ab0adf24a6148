import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module.js';
import { AnalyticsReader } from './analytics-reader.js';
import { AnalyticsResolver } from './analytics.resolver.js';
import { BreachStatisticsService } from './breach-statistics.service.js';
import { DriftService } from './drift.service.js';
import { OverviewService } from './overview.service.js';
import { SilentAgenciesService } from './silent-agencies.service.js';
import { StageReachService } from './stage-reach.service.js';
import { ThemeSignalSettingsService } from './theme-signal-settings.service.js';
import { ThemeSignalsService } from './theme-signals.service.js';
import { ThemesService } from './themes.service.js';
import { TimeToResolutionService } from './time-to-resolution.service.js';

/** The analytics API (DESIGN.md §4): statistics computed in SQL over the facts of migration 1764200000000. */
@Module({
  imports: [PartnershipsModule],
  providers: [
    AnalyticsResolver,
    AnalyticsReader,
    OverviewService,
    StageReachService,
    BreachStatisticsService,
    TimeToResolutionService,
    ThemesService,
    ThemeSignalsService,
    ThemeSignalSettingsService,
    DriftService,
    SilentAgenciesService,
  ],
})
export class AnalyticsModule {}
