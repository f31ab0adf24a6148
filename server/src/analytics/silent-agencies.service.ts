import type { AgencySector } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { AnalyticsReader } from './analytics-reader.js';
import { resolveScope } from './analytics-scope.js';
import { addCohortCounts, COHORT, cohortSummary, readCohortCounts, type CohortCounts } from './cohort-counts.js';
import { SqlParams } from './cohort-sql.js';
import { escalationCounts } from './cube-source.js';
import type { SilentAgenciesArgs } from './dto/analytics.args.js';
import type { SilentAgencies } from './models/silent-agencies.model.js';
import { lengthInDays, previousPeriod, type Period } from './period.js';
import { CountBook } from './suppression.js';

/**
 * Silent agencies: every agency of the partnerships with the escalations of the cohort it
 * raised in the period and in each of the `previousPeriods` periods of equal length before
 * it (see `previousPeriod`). Silent = active and raised none in the period.
 */
@Injectable()
export class SilentAgenciesService {
  constructor(private readonly reader: AnalyticsReader) {}

  silentAgencies(args: SilentAgenciesArgs): Promise<SilentAgencies> {
    return this.reader.answer('silentAgencies', args, args.suppressSmallNumbers, async ({ run, now, suppress }) => {
      const scope = await resolveScope(run, args.filter);
      const periods: Period[] = [scope.period, ...Array.from({ length: args.previousPeriods }, (_, i) => previousPeriod(scope.period, i + 1))];
      const params = new SqlParams();
      const sources = periods.map((period, i) => `SELECT ${i} AS period, s.* FROM (${escalationCounts(scope, params, { dims: ['raising'], period })}) s`);
      const counts = await run<{ period: number; agency_id: string; escalations: number }>(
        `SELECT c.period, c.raising_agency_id::text AS agency_id, sum(c.escalations)::int AS escalations
         FROM (${sources.join('\n UNION ALL \n')}) c GROUP BY 1, 2`,
        params,
      );
      const agencies = await run<{ id: string; name: string; sector: AgencySector; partnership_id: string; is_active: boolean }>(
        `SELECT id::text, name, sector, partnership_id::text, is_active FROM agency WHERE partnership_id = ANY($1::bigint[]) ORDER BY name, id`,
        [scope.partnershipIds],
      );
      const cohort = await readCohortCounts(run, scope);
      return silentFigures({ cohort, counts, agencies }, periods, now, suppress);
    });
  }
}

interface SilentRead {
  readonly cohort: CohortCounts;
  readonly counts: { period: number; agency_id: string; escalations: number }[];
  readonly agencies: { id: string; name: string; sector: AgencySector; partnership_id: string; is_active: boolean }[];
}

function silentFigures(read: SilentRead, periods: readonly Period[], asOf: Date, suppress: boolean): SilentAgencies {

  const raised = new Map(read.counts.map((c) => [`${c.agency_id}:${c.period}`, c.escalations]));
  const listed = read.agencies.filter((a) => a.is_active || periods.some((_, i) => (raised.get(`${a.id}:${i}`) ?? 0) > 0));
  const book = new CountBook();
  addCohortCounts(book, read.cohort);
  periods.forEach((_, i) => {
    const total = read.counts.filter((c) => c.period === i).reduce((sum, c) => sum + c.escalations, 0);
    const id = i === 0 ? COHORT : `period:${i}`;
    book.relate(book.add(id, total), listed.map((a) => book.add(`${a.id}:${i}`, raised.get(`${a.id}:${i}`) ?? 0)));
  });
  const settled = book.settle(suppress);

  const agencies = listed.map((a) => ({
    agencyId: a.id,
    name: a.name,
    sector: a.sector,
    partnershipId: a.partnership_id,
    isActive: a.is_active,
    silent: a.is_active && (raised.get(`${a.id}:0`) ?? 0) === 0,
    raised: periods.map((_, i) => settled.figure(`${a.id}:${i}`)),
  }));
  return {
    cohort: cohortSummary(settled, periods[0]!, asOf),
    periods: periods.map((p) => ({ ...p, days: lengthInDays(p) })),
    periodTotals: periods.map((_, i) => settled.figure(i === 0 ? COHORT : `period:${i}`)),
    agencies: [...agencies.filter((a) => a.silent), ...agencies.filter((a) => !a.silent)],
  };
}
