import { Injectable } from '@nestjs/common';
import { AnalyticsReader } from './analytics-reader.js';
import { resolveScope } from './analytics-scope.js';
import { addCohortCounts, COHORT, cohortSummary, readCohortCounts, type CohortCounts } from './cohort-counts.js';
import type { ThemeInterval, ThemesArgs } from './dto/analytics.args.js';
import { addMatrix, matrixFigures, type AxisEntry, type MatrixData } from './matrix-figures.js';
import type { PeriodChange, Themes, TimeBucket } from './models/themes.model.js';
import { addMonths, financialQuarterOf, lengthInDays, monthLabel, monthsTouching, previousPeriod, type Period } from './period.js';
import { CountBook, countFigure, type SettledCounts } from './suppression.js';
import { readAgencies, readCategories, readCategoryBuckets, readCategoryTotals, readPairs } from './themes-sql.js';

const PREVIOUS_TOTAL = 'previous';
const previousId = (code: string) => `previous:${code}`;

/**
 * Themes (DESIGN.md §4.4) over the cohort: escalations per category and month or UK
 * financial-year quarter of raising; the raising → receiving agency matrix; category ×
 * receiving agency; and each category's count against the previous period of equal
 * length (see `previousPeriod`).
 */
@Injectable()
export class ThemesService {
  constructor(private readonly reader: AnalyticsReader) {}

  themes(args: ThemesArgs): Promise<Themes> {
    return this.reader.answer('themes', args, args.suppressSmallNumbers, async ({ run, now, suppress }) => {
      const scope = await resolveScope(run, args.filter);
      const previous = previousPeriod(scope.period);
      const read: ThemesRead = {
        cohort: await readCohortCounts(run, scope),
        buckets: await readCategoryBuckets(run, scope, args.interval),
        previous: await readCategoryTotals(run, scope, previous),
        pairs: await readPairs(run, scope, 'raising', 'receiving'),
        categoryReceiving: await readPairs(run, scope, 'category', 'receiving'),
        categories: await readCategories(run, scope),
        agencies: await readAgencies(run, scope),
      };
      return themeFigures(read, scope.period, previous, args.interval, now, suppress);
    });
  }
}

interface ThemesRead {
  readonly cohort: CohortCounts;
  readonly buckets: { code: string; bucket: string; count: number }[];
  readonly previous: Map<string, number>;
  readonly pairs: { row: string; column: string; count: number }[];
  readonly categoryReceiving: { row: string; column: string; count: number }[];
  readonly categories: AxisEntry[];
  readonly agencies: AxisEntry[];
}

function themeFigures(read: ThemesRead, period: Period, previous: Period, interval: ThemeInterval, asOf: Date, suppress: boolean): Themes {

  const buckets = timeBuckets(period, interval);
  const categories = withUnlisted(read.categories, [...read.buckets.map((b) => b.code), ...read.previous.keys()]);
  const series: MatrixData = {
    rows: categories,
    columns: buckets.map((b) => ({ key: b.start, label: b.label, partnershipId: null })),
    cells: read.buckets.map((b) => ({ row: b.code, column: b.bucket, count: b.count })),
  };
  const pairs: MatrixData = { rows: read.agencies, columns: read.agencies, cells: read.pairs };
  const categoryReceiving: MatrixData = { rows: categories, columns: read.agencies, cells: read.categoryReceiving };

  const book = new CountBook();
  addCohortCounts(book, read.cohort);
  addMatrix(book, 'series', series, COHORT);
  addMatrix(book, 'pairs', pairs, COHORT);
  addMatrix(book, 'categoryReceiving', categoryReceiving, COHORT);
  const previousTotal = [...read.previous.values()].reduce((sum, n) => sum + n, 0);
  book.relate(book.add(PREVIOUS_TOTAL, previousTotal), categories.map((c) => book.add(previousId(c.key), read.previous.get(c.key) ?? 0)));
  const settled = book.settle(suppress);

  const seriesMatrix = matrixFigures(settled, 'series', series);
  const cell = new Map(seriesMatrix.cells.map((c) => [`${c.rowKey}|${c.columnKey}`, c.count]));
  const zero = countFigure(0, false);
  return {
    cohort: cohortSummary(settled, period, asOf),
    interval,
    buckets,
    bucketTotals: seriesMatrix.columns.map((column) => column.total),
    categories: seriesMatrix.rows.map((row) => ({
      categoryCode: row.key,
      label: row.label,
      series: buckets.map((b) => cell.get(`${row.key}|${b.start}`) ?? zero),
      change: change(settled, `series:row:${row.key}`, previousId(row.key)),
    })),
    previousPeriod: { ...previous, days: lengthInDays(previous) },
    change: change(settled, COHORT, PREVIOUS_TOTAL),
    agencyPairs: matrixFigures(settled, 'pairs', pairs),
    categoryByReceiving: matrixFigures(settled, 'categoryReceiving', categoryReceiving),
  };
}

function change(settled: SettledCounts, current: string, previous: string): PeriodChange {
  const hidden = settled.isSuppressed(current) || settled.isSuppressed(previous);
  const [now, before] = [settled.value(current), settled.value(previous)];
  return {
    current: settled.figure(current),
    previous: settled.figure(previous),
    difference: hidden ? null : now - before,
    ratio: hidden || before === 0 ? null : (now - before) / before,
  };
}

/** Categories with counts but no longer in any protocol still get a row (labelled by code). */
function withUnlisted(categories: readonly AxisEntry[], codes: readonly string[]): AxisEntry[] {
  const known = new Set(categories.map((c) => c.key));
  const extra = [...new Set(codes)].filter((code) => !known.has(code)).sort();
  return [...categories, ...extra.map((code) => ({ key: code, label: code, partnershipId: null }))];
}

/** The months, or financial-year quarters, touching the period. */
export function timeBuckets(period: Period, interval: ThemeInterval): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  for (const month of monthsTouching(period)) {
    const start = interval === 'month' ? month : financialQuarterOf(month).start;
    if (buckets.some((b) => b.start === start)) continue;
    const end = addMonths(start, interval === 'month' ? 1 : 3);
    const label = interval === 'month' ? monthLabel(start) : financialQuarterOf(start).label;
    buckets.push({ start, end, label, partial: start < period.from || end > period.to });
  }
  return buckets;
}
