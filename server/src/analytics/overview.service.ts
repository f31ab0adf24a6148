import { Injectable } from '@nestjs/common';
import { AnalyticsReader } from './analytics-reader.js';
import { resolveScope } from './analytics-scope.js';
import { COHORT, cohortSummary, OUT_OF_SCOPE, readCohortCounts, type CohortCounts } from './cohort-counts.js';
import type { AnalyticsArgs } from './dto/analytics.args.js';
import type { AnalyticsOverview, HeadlineCount, HeadlineRatio } from './models/overview.model.js';
import { readComplianceFigures, readEscalationFigures, readOverdueFigures, type OverviewRow } from './overview-sql.js';
import { lengthInDays, monthsTouching, previousPeriod, type Period } from './period.js';
import { CountBook, type SettledCounts } from './suppression.js';

const COUNTS = ['raised', 'open', 'practice', 'top', 'met', 'late', 'overdueNow'] as const;
type CountName = (typeof COUNTS)[number];
/** Count id: in the period (0) or the previous one (1), or in one month of the period. */
const id = (name: CountName, period: number, month: string | null = null) =>
  name === 'raised' && period === 0 && month === null ? COHORT : `${name}:${period}:${month ?? 'all'}`;

/**
 * The overview's headline figures, each for the cohort (escalations raised in the period,
 * out of scope left out), the previous period of equal length (see `previousPeriod`) and
 * each month of raising in the period: raised; still open now; resolved at practice
 * level (status resolved, resolved_tier 1); reached the top tier (highest_tier 5);
 * timescale compliance met ÷ (met + breached + overdue); escalations with a timescale
 * overdue now. All from the pre-aggregated month tables but the last.
 */
@Injectable()
export class OverviewService {
  constructor(private readonly reader: AnalyticsReader) {}

  overview(args: AnalyticsArgs): Promise<AnalyticsOverview> {
    return this.reader.answer('overview', args, args.suppressSmallNumbers, async ({ run, now, suppress }) => {
      const scope = await resolveScope(run, args.filter);
      const previous = previousPeriod(scope.period);
      const periods = [scope.period, previous];
      const read: OverviewRead = {
        cohort: await readCohortCounts(run, scope),
        escalations: await readEscalationFigures(run, scope, periods),
        compliance: await readComplianceFigures(run, scope, periods),
        overdue: await readOverdueFigures(run, scope, periods, now),
      };
      return overviewFigures(read, scope.period, previous, now, suppress);
    });
  }
}

interface OverviewRead {
  readonly cohort: CohortCounts;
  readonly escalations: OverviewRow[];
  readonly compliance: OverviewRow[];
  readonly overdue: OverviewRow[];
}

function overviewFigures(read: OverviewRead, period: Period, previous: Period, now: Date, suppress: boolean): AnalyticsOverview {

  const months = monthsTouching(period);
  const value = collect([...read.escalations, ...read.compliance.map(metAndLate), ...read.overdue.map(renameOverdue)]);
  const book = new CountBook();
  book.add(OUT_OF_SCOPE, read.cohort.outOfScope);
  book.add(COHORT, read.cohort.escalations);
  for (const name of COUNTS) {
    book.add(id(name, 1), value(name, 1, null));
    book.relate(book.add(id(name, 0), value(name, 0, null)), months.map((m) => book.add(id(name, 0, m), value(name, 0, m))));
  }
  // Compliance shows met ÷ denominator and the denominator: met and late (= breached + overdue) can be worked out.
  for (const month of [null, ...months]) {
    for (const period of month === null ? [0, 1] : [0]) {
      const denominator = book.add(`denominator:${period}:${month ?? 'all'}`, value('met', period, month) + value('late', period, month));
      book.relate(denominator, [id('met', period, month), id('late', period, month)]);
    }
  }
  const settled = book.settle(suppress);

  const headline = (name: CountName, shares: boolean): HeadlineCount => {
    const [current, before] = [id(name, 0), id(name, 1)];
    const hidden = settled.isSuppressed(current) || settled.isSuppressed(before);
    const [now0, before0] = [settled.value(current), settled.value(before)];
    return {
      current: settled.figure(current),
      previous: settled.figure(before),
      difference: hidden ? null : now0 - before0,
      ratio: hidden || before0 === 0 ? null : (now0 - before0) / before0,
      share: shares ? settled.share(current, id('raised', 0)) : null,
      previousShare: shares ? settled.share(before, id('raised', 1)) : null,
      sparkline: months.map((m) => settled.figure(id(name, 0, m))),
    };
  };
  return {
    cohort: cohortSummary(settled, period, now),
    previousPeriod: { ...previous, days: lengthInDays(previous) },
    months,
    raised: headline('raised', false),
    open: headline('open', true),
    resolvedAtPractice: headline('practice', true),
    reachedTopTier: headline('top', true),
    compliance: complianceFigure(settled, months),
    overdueNow: headline('overdueNow', true),
  };
}

function metAndLate(row: OverviewRow): OverviewRow {
  const { met = 0, breached = 0, overdue = 0 } = row.values;
  return { ...row, values: { met, late: breached + overdue } };
}

function renameOverdue(row: OverviewRow): OverviewRow {
  return { ...row, values: { overdueNow: row.values['overdue'] ?? 0 } };
}

/** Looks a figure up by name, period and month; 0 when SQL found nothing. */
function collect(rows: readonly OverviewRow[]): (name: CountName, period: number, month: string | null) => number {
  const values = new Map<string, number>();
  for (const row of rows) {
    for (const [name, v] of Object.entries(row.values)) values.set(`${name}|${row.period}|${row.month}`, v);
  }
  return (name, period, month) => values.get(`${name}|${period}|${month}`) ?? 0;
}

function complianceFigure(settled: SettledCounts, months: readonly string[]): HeadlineRatio {
  const ratio = (period: number, month: string | null): number | null => {
    const [met, late] = [id('met', period, month), id('late', period, month)];
    if (settled.isSuppressed(met) || settled.isSuppressed(late)) return null;
    const denominator = settled.value(met) + settled.value(late);
    return denominator === 0 ? null : settled.value(met) / denominator;
  };
  const [current, previous] = [ratio(0, null), ratio(1, null)];
  return {
    current,
    previous,
    difference: current === null || previous === null ? null : current - previous,
    denominator: settled.figure('denominator:0:all'),
    previousDenominator: settled.figure('denominator:1:all'),
    sparkline: months.map((m) => ratio(0, m)),
  };
}
