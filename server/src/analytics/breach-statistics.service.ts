import { Injectable } from '@nestjs/common';
import { AnalyticsReader } from './analytics-reader.js';
import { resolveScope } from './analytics-scope.js';
import { readBreachFigures, readBreachLabels, type BreachLabels, type Breakdown, type CountRow, type DurationRow } from './breach-sql.js';
import { addCohortCounts, cohortSummary, readCohortCounts, type CohortCounts } from './cohort-counts.js';
import type { AnalyticsScope } from './cohort-sql.js';
import type { AgencyRole, BreachStatisticsArgs } from './dto/analytics.args.js';
import type { BreachGroup, BreachStatistics, DurationSummary, TimeSummary } from './models/breach-statistics.model.js';
import { monthLabel, monthsTouching } from './period.js';
import { CountBook, SMALLEST_SHOWN, type SettledCounts } from './suppression.js';
import { addLatenessCounts, latenessFigures } from './lateness-figures.js';
import { readLateness, type LatenessRow } from './lateness-sql.js';
import { readStageMonths } from './stage-month-sql.js';

const STATUSES = ['met', 'breached', 'overdue', 'pending'] as const;
type Status = (typeof STATUSES)[number];

/**
 * Breach statistics (DESIGN.md §4.3), over the timescale outcomes of the cohort's
 * escalations as last evaluated (the server re-evaluates running clocks every few
 * minutes). Counted: met, breached, overdue, pending; not-applicable outcomes are left
 * out. Compliance = met ÷ (met + breached + overdue), null when that is 0. Time taken =
 * `elapsed` of met and breached outcomes; lateness = `lateness` of breached and overdue
 * ones; both in the rule's unit (hours, working days, calendar days; a same-working-day
 * rule in working days), summarised by median and 90th percentile with PostgreSQL's
 * percentile_cont (linear interpolation between the two nearest values). Month = month of
 * the escalation's raising (Europe/London); agency = receiving agency, or raising.
 */
@Injectable()
export class BreachStatisticsService {
  constructor(private readonly reader: AnalyticsReader) {}

  /**
   * `durations`: whether to compute the percentiles (the costly part); without, every `durations` list is empty.
   * `stageMonths`, `lateness`: whether to read byStageAndMonth and latenessByRule (empty without).
   */
  breachStatistics(args: BreachStatisticsArgs, options: BreachOptions = { durations: true, stageMonths: true, lateness: true }): Promise<BreachStatistics> {
    return this.reader.answer('breachStatistics', { args, options }, args.suppressSmallNumbers, async ({ run, now, suppress }) => {
      const scope = await resolveScope(run, args.filter);
      const figures = await readBreachFigures(run, scope, args.agencyRole, options);
      const stageMonths = options.stageMonths ? await readStageMonths(run, scope) : [];
      const lateness = options.lateness ? await readLateness(run, scope) : null;
      const read = {
        cohort: await readCohortCounts(run, scope),
        ...figures,
        counts: [...figures.counts, ...stageMonths.map((row) => ({ ...row, breakdown: 'stageMonth' as const, ruleCode: null, unit: null, agencyId: null }))],
        lateness,
        labels: await readBreachLabels(run, scope),
      };
      return breachFigures(read, scope, args.agencyRole, now, suppress);
    });
  }
}

export interface BreachOptions {
  readonly durations: boolean;
  readonly stageMonths?: boolean;
  readonly lateness?: boolean;
}

function breachFigures(
  read: { cohort: CohortCounts; counts: CountRow[]; durations: DurationRow[]; lateness: LatenessRow[] | null; labels: BreachLabels },
  scope: AnalyticsScope,
  agencyRole: AgencyRole,
  asOf: Date,
  suppress: boolean,
): BreachStatistics {
  const rows = withEveryMonth(read.counts, monthsTouching(scope.period));
  const book = new CountBook();
  addCohortCounts(book, read.cohort);
  for (const row of rows) addGroup(book, row);
  relateBreakdowns(book, rows);
  const ruleRows = rows.filter((row) => row.breakdown === 'rule').sort(ORDER.rule);
  if (read.lateness) addLatenessCounts(book, ruleRows, read.lateness, countId);
  const settled = book.settle(suppress);

  const durations = groupDurations(read.durations);
  const group = (row: CountRow): BreachGroup => ({
    ruleCode: row.ruleCode,
    ruleName: row.ruleCode === null ? null : (read.labels.rules.get(row.ruleCode) ?? row.ruleCode),
    stageCode: row.stageCode,
    stageName: row.stageCode === null ? null : (read.labels.stages.get(`${row.stageCode}|${row.tier}`) ?? row.stageCode),
    tier: row.tier,
    agencyId: row.agencyId,
    agencyName: row.agencyId === null ? null : (read.labels.agencies.get(row.agencyId) ?? row.agencyId),
    month: row.month,
    monthLabel: row.month === null ? null : monthLabel(row.month),
    ...statusFigures(settled, row),
    durations: (durations.get(groupId(row)) ?? []).map((d) => durationFigures(d, settled.applied)),
  });
  const of = (breakdown: Breakdown) => rows.filter((row) => row.breakdown === breakdown).sort(ORDER[breakdown]).map(group);
  return {
    cohort: cohortSummary(settled, scope.period, asOf),
    agencyRole,
    overall: of('overall')[0] ?? group(emptyRow('overall', null)),
    byRule: of('rule'),
    byStage: of('stage'),
    byTier: of('tier'),
    byAgency: of('agency').sort((a, b) => (a.agencyName ?? '').localeCompare(b.agencyName ?? '')),
    byMonth: of('month'),
    byRuleAndMonth: of('ruleMonth'),
    byStageAndMonth: of('stageMonth'),
    latenessByRule: read.lateness
      ? latenessFigures(settled, ruleRows, countId, (row) => {
          const { ruleName, stageName } = group(row);
          return { ruleName: ruleName ?? row.ruleCode ?? '', stageName: stageName ?? row.stageCode ?? '' };
        })
      : [],
  };
}

const byText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');
const ORDER: Record<Breakdown, (a: CountRow, b: CountRow) => number> = {
  overall: () => 0,
  rule: (a, b) => (a.tier ?? 0) - (b.tier ?? 0) || byText(a.ruleCode, b.ruleCode),
  stage: (a, b) => (a.tier ?? 0) - (b.tier ?? 0) || byText(a.stageCode, b.stageCode),
  tier: (a, b) => (a.tier ?? 0) - (b.tier ?? 0),
  agency: (a, b) => byText(a.agencyId, b.agencyId),
  month: (a, b) => byText(a.month, b.month),
  ruleMonth: (a, b) => (a.tier ?? 0) - (b.tier ?? 0) || byText(a.ruleCode, b.ruleCode) || byText(a.month, b.month),
  stageMonth: (a, b) => (a.tier ?? 0) - (b.tier ?? 0) || byText(a.stageCode, b.stageCode) || byText(a.month, b.month),
};

function groupId(row: Omit<CountRow, Status>): string {
  return [row.breakdown, row.ruleCode, row.unit, row.stageCode, row.tier, row.agencyId, row.month].join('|');
}

const countId = (row: CountRow, what: Status | 'counted') => `${groupId(row)}|${what}`;

function emptyRow(breakdown: Breakdown, month: string | null): CountRow {
  return { breakdown, ruleCode: null, unit: null, stageCode: null, tier: null, agencyId: null, month, met: 0, breached: 0, overdue: 0, pending: 0 };
}

/** Every month touching the period gets a row, zero when nothing was raised in it; and there is always an overall row. */
function withEveryMonth(rows: readonly CountRow[], months: readonly string[]): CountRow[] {
  const present = new Set(rows.filter((r) => r.breakdown === 'month').map((r) => r.month));
  const filled = [...rows, ...months.filter((m) => !present.has(m)).map((m) => emptyRow('month', m))];
  return filled.some((r) => r.breakdown === 'overall') ? filled : [emptyRow('overall', null), ...filled];
}

/** A group's counts; counted = met + breached + overdue + pending. */
function addGroup(book: CountBook, row: CountRow): void {
  const members = STATUSES.map((status) => book.add(countId(row, status), row[status]));
  book.relate(book.add(countId(row, 'counted'), STATUSES.reduce((sum, status) => sum + row[status], 0)), members);
}

/** Each breakdown's groups add up to the overall counts; rule × month cells to their rule and to their month. */
function relateBreakdowns(book: CountBook, rows: readonly CountRow[]): void {
  const overall = rows.find((r) => r.breakdown === 'overall')!;
  const sumsTo = (total: CountRow, parts: readonly CountRow[]) => {
    for (const what of [...STATUSES, 'counted'] as const) book.relate(countId(total, what), parts.map((p) => countId(p, what)));
  };
  for (const breakdown of ['rule', 'stage', 'tier', 'agency', 'month'] as const) sumsTo(overall, rows.filter((r) => r.breakdown === breakdown));
  const cells = rows.filter((r) => r.breakdown === 'ruleMonth');
  for (const rule of rows.filter((r) => r.breakdown === 'rule')) {
    sumsTo(rule, cells.filter((c) => c.ruleCode === rule.ruleCode && c.unit === rule.unit && c.stageCode === rule.stageCode && c.tier === rule.tier));
  }
  for (const month of rows.filter((r) => r.breakdown === 'month')) sumsTo(month, cells.filter((c) => c.month === month.month));
  // Stage × month cells (when read) add up to their stage and to their month.
  const stageCells = rows.filter((r) => r.breakdown === 'stageMonth');
  if (stageCells.length === 0) return;
  for (const stage of rows.filter((r) => r.breakdown === 'stage')) sumsTo(stage, stageCells.filter((c) => c.stageCode === stage.stageCode && c.tier === stage.tier));
  for (const month of rows.filter((r) => r.breakdown === 'month')) sumsTo(month, stageCells.filter((c) => c.month === month.month));
}

function statusFigures(settled: SettledCounts, row: CountRow) {
  const [met, breached, overdue] = [countId(row, 'met'), countId(row, 'breached'), countId(row, 'overdue')];
  const denominator = row.met + row.breached + row.overdue;
  const hidden = [met, breached, overdue].some((id) => settled.isSuppressed(id));
  return {
    met: settled.figure(met),
    breached: settled.figure(breached),
    overdue: settled.figure(overdue),
    pending: settled.figure(countId(row, 'pending')),
    counted: settled.figure(countId(row, 'counted')),
    compliance: hidden || denominator === 0 ? null : row.met / denominator,
  };
}

function groupDurations(rows: readonly DurationRow[]): Map<string, DurationRow[]> {
  const groups = new Map<string, DurationRow[]>();
  for (const row of rows) {
    const id = groupId(row);
    groups.set(id, [...(groups.get(id) ?? []), row].sort((a, b) => a.reportUnit.localeCompare(b.reportUnit)));
  }
  return groups;
}

/**
 * Percentiles are shown whatever the suppression, except over fewer than 5 times when it
 * is applied; the number of times is withheld then, as it could be set against the counts.
 */
function durationFigures(row: DurationRow, suppress: boolean): DurationSummary {
  const summary = (count: number, values: readonly [number, number] | null): TimeSummary => {
    const shown = values !== null && !(suppress && count < SMALLEST_SHOWN);
    return { count: suppress ? null : count, median: shown ? values[0] : null, p90: shown ? values[1] : null };
  };
  return { unit: row.reportUnit, timeTaken: summary(row.takenCount, row.taken), lateness: summary(row.lateCount, row.late) };
}
