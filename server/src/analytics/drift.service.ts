import { timeBetween, workingCalendar, type Jurisdiction, type TimescaleUnit } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { AnalyticsReader } from './analytics-reader.js';
import { resolveScope } from './analytics-scope.js';
import { addCohortCounts, cohortSummary, readCohortCounts, type CohortCounts } from './cohort-counts.js';
import type { Period } from './period.js';
import { AGE_BUCKETS, readOpenByAge, readOpenByStage, readOverdueNow, type OverdueRow, type StageCountRow } from './drift-sql.js';
import type { DriftArgs } from './dto/analytics.args.js';
import type { ReportUnit } from './models/breach-statistics.model.js';
import type { Drift, OverdueTimescale } from './models/drift.model.js';
import { CountBook } from './suppression.js';

const OPEN = 'open';

/**
 * Drift: the cohort's escalations still open now, by age (calendar days since raising)
 * and by current stage; and the timescales overdue now (see `readOverdueNow`), with the
 * oldest deadlines listed first. "Now" is the injected clock.
 */
@Injectable()
export class DriftService {
  constructor(private readonly reader: AnalyticsReader) {}

  drift(args: DriftArgs): Promise<Drift> {
    return this.reader.answer('drift', args, args.suppressSmallNumbers, async ({ run, now, suppress }) => {
      const scope = await resolveScope(run, args.filter);
      const read: DriftRead = {
        cohort: await readCohortCounts(run, scope),
        byAge: await readOpenByAge(run, scope, now),
        byStage: await readOpenByStage(run, scope),
        // The list is read whoever asks (one reading serves every role: AnalyticsReader) and shown only unsuppressed.
        overdue: await readOverdueNow(run, scope, now, args.overdueLimit),
      };
      return driftFigures(read, scope.period, now, suppress);
    });
  }
}

interface DriftRead {
  readonly cohort: CohortCounts;
  readonly byAge: number[];
  readonly byStage: StageCountRow[];
  readonly overdue: { timescales: number; escalations: number; rows: OverdueRow[] };
}

function driftFigures(read: DriftRead, period: Period, now: Date, suppress: boolean): Drift {

  const book = new CountBook();
  addCohortCounts(book, read.cohort);
  const open = book.add(OPEN, read.byAge.reduce((sum, n) => sum + n, 0));
  book.relate(open, read.byAge.map((n, i) => book.add(`age:${i}`, n)));
  book.relate(open, read.byStage.map((s) => book.add(`stage:${s.protocolId}:${s.stageCode}`, s.escalations)));
  book.add('overdue:timescales', read.overdue.timescales);
  book.add('overdue:escalations', read.overdue.escalations);
  const settled = book.settle(suppress);

  return {
    cohort: cohortSummary(settled, period, now),
    open: settled.figure(open),
    byAge: AGE_BUCKETS.map((bucket, i) => ({
      label: bucket.label, minDays: bucket.min, maxDays: bucket.max, escalations: settled.figure(`age:${i}`),
    })),
    byCurrentStage: read.byStage.map((s) => ({
      protocolId: s.protocolId, stageCode: s.stageCode, stageName: s.stageName, tier: s.tier, ladderOrder: s.ladderOrder,
      escalations: settled.figure(`stage:${s.protocolId}:${s.stageCode}`),
    })),
    overdue: {
      timescales: settled.figure('overdue:timescales'),
      escalations: settled.figure('overdue:escalations'),
      list: settled.applied ? [] : read.overdue.rows.map((row) => overdueTimescale(row, now)),
    },
  };
}

function overdueTimescale(row: OverdueRow, now: Date): OverdueTimescale {
  const unit = row.limitUnit as TimescaleUnit;
  let lateness: number | null;
  try {
    lateness = timeBetween(unit, row.deadline, now, workingCalendar(row.jurisdiction as Jurisdiction));
  } catch {
    lateness = null;
  }
  const reportUnit: ReportUnit = unit === 'same_working_day' ? 'working_days' : unit;
  return {
    partnershipId: row.partnershipId, escalationId: row.escalationId, reference: row.reference, ruleCode: row.ruleCode,
    ruleName: row.ruleName, stageCode: row.stageCode, deadline: row.deadline, overdueDays: row.overdueDays, unit: reportUnit, lateness,
  };
}
