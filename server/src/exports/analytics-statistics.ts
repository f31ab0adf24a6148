import type { ModuleRef } from '@nestjs/core';
import { BreachStatisticsService } from '../analytics/breach-statistics.service.js';
import { DriftService } from '../analytics/drift.service.js';
import { OverviewService } from '../analytics/overview.service.js';
import { SilentAgenciesService } from '../analytics/silent-agencies.service.js';
import { StageReachService } from '../analytics/stage-reach.service.js';
import { ThemeSignalsService } from '../analytics/theme-signals.service.js';
import { ThemesService } from '../analytics/themes.service.js';
import { TimeToResolutionService } from '../analytics/time-to-resolution.service.js';

/** The filter an export or report is for: one partnership, raised in [from, to) (local dates). */
export interface ExportScope {
  readonly partnershipId: string;
  readonly from: string;
  readonly to: string;
  /** Suppress small numbers whoever asks (DESIGN.md §4.5); roles without record-level access always are. */
  readonly publication: boolean;
}

type Answer = Record<string, unknown>;
type Statistic = (modules: ModuleRef, scope: ExportScope) => Promise<Answer>;

const base = (scope: ExportScope) => ({
  filter: { from: scope.from, to: scope.to, partnershipIds: [scope.partnershipId] },
  suppressSmallNumbers: scope.publication,
});

/** Finds a service of the analytics module (which exports none): the exports read what the API shows, through the same code. */
const service = <T>(modules: ModuleRef, type: new (...args: never[]) => T): T => modules.get(type, { strict: false });

/**
 * Every statistic of the analytics API by its export name, with the API's defaults. Each
 * is asked exactly as a query of the API would be, as the current actor, so what is
 * suppressed for a role in the app is suppressed in its export.
 */
export const ANALYTICS_STATISTICS: Readonly<Record<string, Statistic>> = {
  overview: (m, s) => service(m, OverviewService).overview(base(s)) as unknown as Promise<Answer>,
  'stage-reach': (m, s) => service(m, StageReachService).stageReach({ ...base(s), protocolId: null }) as unknown as Promise<Answer>,
  'breach-statistics': (m, s) => service(m, BreachStatisticsService).breachStatistics({ ...base(s), agencyRole: 'receiving' }) as unknown as Promise<Answer>,
  'time-to-resolution': (m, s) => service(m, TimeToResolutionService).timeToResolution({ ...base(s), maxSteps: 500 }) as unknown as Promise<Answer>,
  themes: (m, s) => service(m, ThemesService).themes({ ...base(s), interval: 'month' }) as unknown as Promise<Answer>,
  'theme-signals': (m, s) => service(m, ThemeSignalsService).themeSignals({ ...base(s), minCount: null, windowDays: null, escalationLimit: 100 }) as unknown as Promise<Answer>,
  drift: (m, s) => service(m, DriftService).drift({ ...base(s), overdueLimit: 50 }) as unknown as Promise<Answer>,
  'silent-agencies': (m, s) => service(m, SilentAgenciesService).silentAgencies({ ...base(s), previousPeriods: 4 }) as unknown as Promise<Answer>,
};
