import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Access } from '../auth/access.decorator.js';
import { selectsField } from '../graphql/selects-field.js';
import { Partnership } from '../partnerships/models/partnership.model.js';
import { BreachStatisticsService } from './breach-statistics.service.js';
import { DriftService } from './drift.service.js';
import {
  AnalyticsArgs,
  BreachStatisticsArgs,
  DriftArgs,
  SilentAgenciesArgs,
  StageReachArgs,
  ThemeSignalsArgs,
  ThemesArgs,
  TimeToResolutionArgs,
} from './dto/analytics.args.js';
import { ThemeSignalSettingsInput } from './dto/theme-signal-settings.input.js';
import { BreachStatistics } from './models/breach-statistics.model.js';
import { Drift } from './models/drift.model.js';
import { AnalyticsOverview } from './models/overview.model.js';
import { SilentAgencies } from './models/silent-agencies.model.js';
import { StageReach } from './models/stage-reach.model.js';
import { ThemeSignals } from './models/theme-signals.model.js';
import { Themes } from './models/themes.model.js';
import { TimeToResolution } from './models/time-to-resolution.model.js';
import { OverviewService } from './overview.service.js';
import { SilentAgenciesService } from './silent-agencies.service.js';
import { StageReachService } from './stage-reach.service.js';
import { ThemeSignalSettingsService } from './theme-signal-settings.service.js';
import { ThemeSignalsService } from './theme-signals.service.js';
import { ThemesService } from './themes.service.js';
import { TimeToResolutionService } from './time-to-resolution.service.js';

const FILTER_ERRORS = 'Errors: INVALID_PERIOD, PERIOD_TOO_LONG (over 20 years), PARTNERSHIP_NOT_FOUND, AGENCY_NOT_FOUND, BAD_USER_INPUT.';

/** The analytics API: one query per statistic, each computed in PostgreSQL (DESIGN.md §4). */
@Resolver()
export class AnalyticsResolver {
  constructor(
    private readonly overviewService: OverviewService,
    private readonly stageReachService: StageReachService,
    private readonly breachService: BreachStatisticsService,
    private readonly timeToResolutionService: TimeToResolutionService,
    private readonly themesService: ThemesService,
    private readonly themeSignalsService: ThemeSignalsService,
    private readonly themeSettingsService: ThemeSignalSettingsService,
    private readonly driftService: DriftService,
    private readonly silentAgenciesService: SilentAgenciesService,
  ) {}

  @Query(() => AnalyticsOverview, { description: `Headline figures for the dashboard's first screen. ${FILTER_ERRORS}` })
  @Access('Query.analyticsOverview')
  analyticsOverview(@Args() args: AnalyticsArgs): Promise<AnalyticsOverview> {
    return this.overviewService.overview(args);
  }

  @Query(() => StageReach, { description: `How far up the ladder escalations go, and where they are resolved. ${FILTER_ERRORS} PROTOCOL_NOT_FOUND.` })
  @Access('Query.stageReach')
  stageReach(@Args() args: StageReachArgs): Promise<StageReach> {
    return this.stageReachService.stageReach(args);
  }

  @Query(() => BreachStatistics, { description: `Timescale compliance and breaches; percentiles by percentile_cont. ${FILTER_ERRORS}` })
  @Access('Query.breachStatistics')
  breachStatistics(@Args() args: BreachStatisticsArgs, @Info() info: GraphQLResolveInfo): Promise<BreachStatistics> {
    return this.breachService.breachStatistics(args, {
      durations: selectsField(info, 'durations'),
      stageMonths: selectsField(info, 'byStageAndMonth'),
      lateness: selectsField(info, 'latenessByRule'),
    });
  }

  @Query(() => TimeToResolution, { description: `Kaplan–Meier time to resolution, overall and by tier reached. ${FILTER_ERRORS}` })
  @Access('Query.timeToResolution')
  timeToResolution(@Args() args: TimeToResolutionArgs): Promise<TimeToResolution> {
    return this.timeToResolutionService.timeToResolution(args);
  }

  @Query(() => Themes, { description: `Categories over time, agency pairs, category × receiving agency. ${FILTER_ERRORS}` })
  @Access('Query.themes')
  themes(@Args() args: ThemesArgs): Promise<Themes> {
    return this.themesService.themes(args);
  }

  @Query(() => ThemeSignals, { description: `Recurring category and receiving-agency patterns (N within W days). ${FILTER_ERRORS}` })
  @Access('Query.themeSignals')
  themeSignals(@Args() args: ThemeSignalsArgs): Promise<ThemeSignals> {
    return this.themeSignalsService.themeSignals(args);
  }

  @Query(() => Drift, { description: `Open escalations by age and stage, and timescales overdue now. ${FILTER_ERRORS}` })
  @Access('Query.drift')
  drift(@Args() args: DriftArgs): Promise<Drift> {
    return this.driftService.drift(args);
  }

  @Query(() => SilentAgencies, { description: `Agencies that raised no escalation in the period, beside earlier periods. ${FILTER_ERRORS}` })
  @Access('Query.silentAgencies')
  silentAgencies(@Args() args: SilentAgenciesArgs): Promise<SilentAgencies> {
    return this.silentAgenciesService.silentAgencies(args);
  }

  @Mutation(() => Partnership, {
    description: "Sets a partnership's theme-signal thresholds (N 2–100, W 7–730 days). Errors: BAD_USER_INPUT, PARTNERSHIP_NOT_FOUND.",
  })
  @Access('Mutation.setThemeSignalSettings')
  setThemeSignalSettings(@Args('input') input: ThemeSignalSettingsInput): Promise<Partnership> {
    return this.themeSettingsService.set(input);
  }
}
