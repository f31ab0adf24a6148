import { Injectable } from '@nestjs/common';
import { AnalyticsReader } from './analytics-reader.js';
import { resolveScope } from './analytics-scope.js';
import { addCohortCounts, cohortSummary, readCohortCounts, type CohortCounts } from './cohort-counts.js';
import type { Period } from './period.js';
import type { ThemeSignalsArgs } from './dto/analytics.args.js';
import type { ThemeSignal, ThemeSignals, ThemeSignalSetting } from './models/theme-signals.model.js';
import { CountBook, type SettledCounts } from './suppression.js';
import { readThemeSignals, type SignalRow } from './theme-signals-sql.js';

/**
 * Theme signals (DESIGN.md §4.4): a (category, receiving agency) pair fires when at least
 * N of its cohort escalations are raised within some window [t, t + W days); see
 * `readThemeSignals` for the exact rule. N and W are each partnership's
 * (partnership.theme_min_count, theme_window_days) unless the query overrides them.
 */
@Injectable()
export class ThemeSignalsService {
  constructor(private readonly reader: AnalyticsReader) {}

  themeSignals(args: ThemeSignalsArgs): Promise<ThemeSignals> {
    return this.reader.answer('themeSignals', args, args.suppressSmallNumbers, async ({ run, now, suppress }) => {
      const scope = await resolveScope(run, args.filter);
      const stored = await run<{ id: string; theme_min_count: number; theme_window_days: number }>(
        `SELECT id::text, theme_min_count, theme_window_days FROM partnership WHERE id = ANY($1::bigint[]) ORDER BY id`,
        [scope.partnershipIds],
      );
      const settings: ThemeSignalSetting[] = stored.map((p) => ({
        partnershipId: p.id,
        minCount: args.minCount ?? p.theme_min_count,
        windowDays: args.windowDays ?? p.theme_window_days,
        fromPartnership: args.minCount == null && args.windowDays == null,
      }));
      const signals: { row: SignalRow; setting: ThemeSignalSetting }[] = [];
      for (const group of groupBySetting(settings)) {
        const rows = await readThemeSignals(run, { ...scope, partnershipIds: group.partnershipIds }, group.minCount, group.windowDays, args.escalationLimit);
        signals.push(...rows.map((row) => ({ row, setting: group })));
      }
      const cohort = await readCohortCounts(run, scope);
      return signalsFigures({ cohort, settings, signals }, scope.period, now, suppress);
    });
  }
}

function signalsFigures(
  read: { cohort: CohortCounts; settings: ThemeSignalSetting[]; signals: { row: SignalRow; setting: ThemeSignalSetting }[] },
  period: Period,
  asOf: Date,
  suppress: boolean,
): ThemeSignals {
  const book = new CountBook();
  addCohortCounts(book, read.cohort);
  read.signals.forEach(({ row }, i) => {
    book.relate(
      book.add(`signal:${i}`, row.escalationCount),
      row.windows.map((w, j) => book.add(`signal:${i}:window:${j}`, w.escalations)),
    );
  });
  const settled = book.settle(suppress);
  const signals = read.signals
    .map(({ row, setting }, i) => signalFigures(settled, i, row, setting))
    .sort((a, b) => b.count - a.count || b.signal.lastRaisedAt.getTime() - a.signal.lastRaisedAt.getTime())
    .map((s) => s.signal);
  return { cohort: cohortSummary(settled, period, asOf), settings: read.settings, signals };
}

function groupBySetting(settings: readonly ThemeSignalSetting[]): (ThemeSignalSetting & { partnershipIds: string[] })[] {
  const groups = new Map<string, ThemeSignalSetting & { partnershipIds: string[] }>();
  for (const setting of settings) {
    const key = `${setting.minCount}/${setting.windowDays}`;
    const group = groups.get(key) ?? { ...setting, partnershipIds: [] };
    group.partnershipIds.push(setting.partnershipId);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function signalFigures(settled: SettledCounts, i: number, row: SignalRow, setting: ThemeSignalSetting): { count: number; signal: ThemeSignal } {
  const signal: ThemeSignal = {
    partnershipId: row.partnershipId,
    categoryCode: row.categoryCode,
    categoryLabel: row.categoryLabel ?? row.categoryCode,
    receivingAgencyId: row.receivingAgencyId,
    receivingAgencyName: row.receivingAgencyName ?? row.receivingAgencyId,
    minCount: setting.minCount,
    windowDays: setting.windowDays,
    escalationCount: settled.figure(`signal:${i}`),
    firstRaisedAt: row.firstRaisedAt,
    lastRaisedAt: row.lastRaisedAt,
    windows: row.windows.map((w, j) => ({ start: w.start, end: w.end, escalations: settled.figure(`signal:${i}:window:${j}`) })),
    escalations: settled.applied ? [] : [...row.escalations],
  };
  return { count: row.escalationCount, signal };
}
