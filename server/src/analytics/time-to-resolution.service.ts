import { TIERS } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { AnalyticsReader } from './analytics-reader.js';
import { resolveScope } from './analytics-scope.js';
import { COHORT, cohortSummary, OUT_OF_SCOPE, readCohortCounts, type CohortCounts } from './cohort-counts.js';
import type { Period } from './period.js';
import type { TimeToResolutionArgs } from './dto/analytics.args.js';
import { readKaplanMeier, type CurveStep, type CurveSummary } from './kaplan-meier-sql.js';
import type { SurvivalCurve, TimeToResolution } from './models/time-to-resolution.model.js';
import { CountBook, type SettledCounts } from './suppression.js';

const STRATA = [0, ...TIERS];
const EMPTY = (stratum: number): CurveSummary => ({
  stratum, subjects: 0, events: 0, censored: 0, totalSteps: 0, median: null, medianLower: null, medianUpper: null,
});
const ids = (stratum: number) => ({
  subjects: stratum === 0 ? COHORT : `tier:${stratum}:escalations`,
  events: `tier:${stratum}:resolved`,
  censored: `tier:${stratum}:censored`,
});

/**
 * Time to resolution (DESIGN.md §4.3): Kaplan–Meier curves overall and per highest tier
 * reached, with the median and its 95% interval — see `readKaplanMeier` for the exact
 * definitions. "Now", at which open escalations are censored, is the injected clock.
 */
@Injectable()
export class TimeToResolutionService {
  constructor(private readonly reader: AnalyticsReader) {}

  timeToResolution(args: TimeToResolutionArgs): Promise<TimeToResolution> {
    return this.reader.answer('timeToResolution', args, args.suppressSmallNumbers, async ({ run, now, suppress }) => {
      const scope = await resolveScope(run, args.filter);
      const cohort = await readCohortCounts(run, scope);
      const km = await readKaplanMeier(run, scope, now, args.maxSteps);
      return curvesFigures(cohort, km, scope.period, now, suppress);
    });
  }
}

function curvesFigures(
  cohort: CohortCounts,
  km: { steps: CurveStep[]; summaries: CurveSummary[] },
  period: Period,
  now: Date,
  suppress: boolean,
): TimeToResolution {
  const summaries = new Map(km.summaries.map((s) => [s.stratum, s]));
  const curves = STRATA.map((stratum) => summaries.get(stratum) ?? EMPTY(stratum));
  const book = new CountBook();
  book.add(OUT_OF_SCOPE, cohort.outOfScope);
  book.add(COHORT, cohort.escalations);
  for (const curve of curves) {
    const id = ids(curve.stratum);
    book.relate(book.add(id.subjects, curve.subjects), [book.add(id.events, curve.events), book.add(id.censored, curve.censored)]);
  }
  for (const what of ['subjects', 'events', 'censored'] as const) book.relate(ids(0)[what], TIERS.map((t) => ids(t)[what]));
  const settled = book.settle(suppress);

  const curve = (summary: CurveSummary) =>
    survivalCurve(settled, summary, km.steps.filter((step) => step.stratum === summary.stratum));
  return {
    cohort: cohortSummary(settled, period, now),
    overall: curve(curves[0]!),
    byTier: curves.slice(1).map(curve),
  };
}

/**
 * With small numbers suppressed, a step's counts are withheld (a step is a handful of
 * escalations), and a curve whose size is suppressed shows neither steps nor median.
 */
function survivalCurve(settled: SettledCounts, summary: CurveSummary, steps: readonly CurveStep[]): SurvivalCurve {
  const id = ids(summary.stratum);
  const hidden = settled.isSuppressed(id.subjects);
  const withhold = settled.applied;
  return {
    tier: summary.stratum === 0 ? null : summary.stratum,
    escalations: settled.figure(id.subjects),
    resolved: settled.figure(id.events),
    censored: settled.figure(id.censored),
    medianDays: hidden ? null : summary.median,
    medianLowerDays: hidden ? null : summary.medianLower,
    medianUpperDays: hidden ? null : summary.medianUpper,
    totalSteps: withhold ? null : summary.totalSteps,
    thinned: !hidden && steps.length < summary.totalSteps,
    steps: hidden
      ? []
      : steps.map((step) => ({
          time: step.time,
          atRisk: withhold ? null : step.atRisk,
          events: withhold ? null : step.events,
          censored: withhold ? null : step.censored,
          survival: step.survival,
          lower: step.lower,
          upper: step.upper,
        })),
  };
}
