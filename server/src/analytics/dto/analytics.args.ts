import { ArgsType, Field, ID, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { RECORD_ID_PATTERN } from '../../common/validation/is-record-id.js';
import { AnalyticsFilterInput } from '../analytics-filter.input.js';

/** What every statistic takes: the filter and whether to suppress small numbers (DESIGN.md §4.5). */
@ArgsType()
export class AnalyticsArgs {
  @Field(() => AnalyticsFilterInput)
  @ValidateNested()
  @Type(() => AnalyticsFilterInput)
  filter: AnalyticsFilterInput;

  @Field({
    defaultValue: false,
    description:
      'Show every count from 1 to 4 as "<5", with secondary suppression, as for a role without record-level access or a ' +
      'published export. Until roles exist the caller chooses; record-level lists are then withheld too.',
  })
  @IsBoolean()
  suppressSmallNumbers: boolean;
}

@ArgsType()
export class StageReachArgs extends AnalyticsArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Whose stages to show. Default: the active protocol when the filter names exactly one partnership; else no stages.",
  })
  @IsOptional()
  @Matches(RECORD_ID_PATTERN, { message: 'protocolId must be a record id' })
  protocolId?: string | null;
}

export const AGENCY_ROLES = ['receiving', 'raising'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];
export const AgencyRoleEnum = { RECEIVING: 'receiving', RAISING: 'raising' } as const satisfies Record<string, AgencyRole>;
registerEnumType(AgencyRoleEnum, { name: 'AgencyRole', description: 'Which agency of an escalation a breakdown is by.' });

@ArgsType()
export class BreachStatisticsArgs extends AnalyticsArgs {
  @Field(() => AgencyRoleEnum, { defaultValue: 'receiving', description: 'Whether `byAgency` is by receiving (default) or raising agency.' })
  @IsIn(AGENCY_ROLES)
  agencyRole: AgencyRole;
}

export const MAX_CURVE_STEPS = 5000;

@ArgsType()
export class TimeToResolutionArgs extends AnalyticsArgs {
  @Field(() => Int, {
    defaultValue: 500,
    description: `Most steps returned per curve (at most ${MAX_CURVE_STEPS}); longer curves are thinned (see SurvivalCurve.thinned).`,
  })
  @IsInt()
  @Min(10)
  @Max(MAX_CURVE_STEPS)
  maxSteps: number;
}

export const THEME_INTERVALS = ['month', 'quarter'] as const;
export type ThemeInterval = (typeof THEME_INTERVALS)[number];
export const ThemeIntervalEnum = { MONTH: 'month', QUARTER: 'quarter' } as const satisfies Record<string, ThemeInterval>;
registerEnumType(ThemeIntervalEnum, {
  name: 'ThemeInterval',
  description: 'Calendar months, or UK financial-year quarters (Q1 = April to June, labelled "Q1 2025/26").',
});

@ArgsType()
export class ThemesArgs extends AnalyticsArgs {
  @Field(() => ThemeIntervalEnum, { defaultValue: 'month' })
  @IsIn(THEME_INTERVALS)
  interval: ThemeInterval;
}

export const THEME_MIN_COUNT = { min: 2, max: 100 } as const;
export const THEME_WINDOW_DAYS = { min: 7, max: 730 } as const;

@ArgsType()
export class ThemeSignalsArgs extends AnalyticsArgs {
  @Field(() => Int, { nullable: true, description: "N: escalations needed in one window (default: each partnership's setting)." })
  @IsOptional()
  @IsInt()
  @Min(THEME_MIN_COUNT.min)
  @Max(THEME_MIN_COUNT.max)
  minCount?: number | null;

  @Field(() => Int, { nullable: true, description: "W: the window in days (default: each partnership's setting)." })
  @IsOptional()
  @IsInt()
  @Min(THEME_WINDOW_DAYS.min)
  @Max(THEME_WINDOW_DAYS.max)
  windowDays?: number | null;

  @Field(() => Int, { defaultValue: 20, description: 'Most escalations listed per signal, earliest first (its count is always complete).' })
  @IsInt()
  @Min(0)
  @Max(1000)
  escalationLimit: number;
}

@ArgsType()
export class DriftArgs extends AnalyticsArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Most overdue timescales listed (oldest deadline first); the counts are complete.' })
  @IsInt()
  @Min(0)
  @Max(500)
  overdueLimit: number;
}

@ArgsType()
export class SilentAgenciesArgs extends AnalyticsArgs {
  @Field(() => Int, { defaultValue: 4, description: 'How many periods of equal length before this one to show beside it.' })
  @IsInt()
  @Min(1)
  @Max(12)
  previousPeriods: number;
}
