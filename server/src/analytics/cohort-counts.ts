import type { AnalyticsScope } from './cohort-sql.js';
import { SqlParams } from './cohort-sql.js';
import type { SqlRunner } from './analytics-reader.js';
import { escalationCounts } from './cube-source.js';
import type { CohortSummary } from './models/cohort-summary.model.js';
import { lengthInDays, type Period } from './period.js';
import type { CountBook, SettledCounts } from './suppression.js';

export interface CohortCounts {
  readonly escalations: number;
  readonly outOfScope: number;
}

/** Ids of the two cohort counts in an answer's CountBook. */
export const COHORT = 'cohort';
export const OUT_OF_SCOPE = 'outOfScope';

/** The cohort's size and the out-of-scope escalations set aside from it. */
export async function readCohortCounts(run: SqlRunner, scope: AnalyticsScope): Promise<CohortCounts> {
  const params = new SqlParams();
  const source = escalationCounts(scope, params, { dims: ['status'], includeOutOfScope: true });
  const [row] = await run<{ escalations: number; out_of_scope: number }>(
    `SELECT coalesce(sum(c.escalations) FILTER (WHERE c.status <> 'out_of_scope'), 0)::int AS escalations,
            coalesce(sum(c.escalations) FILTER (WHERE c.status = 'out_of_scope'), 0)::int AS out_of_scope
     FROM (${source}) c`,
    params,
  );
  return { escalations: row!.escalations, outOfScope: row!.out_of_scope };
}

export function addCohortCounts(book: CountBook, counts: CohortCounts): void {
  book.add(COHORT, counts.escalations);
  book.add(OUT_OF_SCOPE, counts.outOfScope);
}

export function cohortSummary(settled: SettledCounts, period: Period, asOf: Date): CohortSummary {
  return {
    period: { from: period.from, to: period.to, days: lengthInDays(period) },
    escalations: settled.figure(COHORT),
    outOfScope: settled.figure(OUT_OF_SCOPE),
    smallNumbersSuppressed: settled.applied,
    asOf,
  };
}
