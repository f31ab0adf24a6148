import { suppressesSmallNumbers } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { currentActor } from '../database/actor-scope.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { CountBook, type SettledCounts } from '../analytics/suppression.js';
import { describeImpact } from './theme-impact-text.js';
import { FEWEST_ESCALATIONS, impactWindows, monthlyRate, SHORTEST_WINDOW_DAYS, type ImpactWindows } from './theme-impact-windows.js';
import type { ThemeImpact, ThemeImpactWindow } from './theme-impact.model.js';

/** A theme: escalations whose category is one of `categoryCodes` and receiving agency one of `receivingAgencyIds` (an empty list: any). */
export interface ImpactTheme {
  readonly categoryCodes: readonly string[];
  readonly receivingAgencyIds: readonly string[];
}

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Has it worked?" for anything with a theme and a completion date (a strategic-log
 * entry, a learning item): the theme's escalations in equal windows before and after
 * the date (see `impactWindows`), counted in SQL as the current actor, so row-level
 * security keeps the count to their partnership. Counts from 1 to 4 are suppressed for
 * roles without record-level access (DESIGN.md §4.5), and their rates with them.
 */
@Injectable()
export class ThemeImpactService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
  ) {}

  async compare(partnershipId: string, theme: ImpactTheme, completedOn: string): Promise<ThemeImpact> {
    if (!DATE_KEY.test(completedOn) || Number.isNaN(Date.parse(`${completedOn}T00:00:00Z`))) {
      throw new RangeError(`ThemeImpactService.compare: completedOn must be a date as YYYY-MM-DD, got "${completedOn}"`);
    }
    const windows = impactWindows(completedOn, this.clock.now());
    const counts = await this.count(partnershipId, theme, windows);
    const book = new CountBook();
    book.add('before', counts.before);
    book.add('after', counts.after);
    const settled = book.settle(suppressesSmallNumbers(currentActor()?.role ?? null));
    return impactFigures(windows, settled);
  }

  private async count(partnershipId: string, theme: ImpactTheme, windows: ImpactWindows): Promise<{ before: number; after: number }> {
    if (windows.days === 0) return { before: 0, after: 0 };
    const [row] = await this.db.run((manager) =>
      manager.query<{ before: number; after: number }[]>(
        `WITH bounds AS (
           SELECT ($2::date::timestamp AT TIME ZONE 'Europe/London') AS before_from,
                  ($3::date::timestamp AT TIME ZONE 'Europe/London') AS completed,
                  ($4::date::timestamp AT TIME ZONE 'Europe/London') AS after_to
         )
         SELECT count(*) FILTER (WHERE a.raised_at < b.completed)::int AS before,
                count(*) FILTER (WHERE a.raised_at >= b.completed)::int AS after
         FROM analytics_escalation a CROSS JOIN bounds b
         WHERE a.partnership_id = $1::bigint
           AND a.status <> 'out_of_scope'
           AND a.raised_at >= b.before_from AND a.raised_at < b.after_to
           AND (cardinality($5::text[]) = 0 OR a.category_code = ANY($5::text[]))
           AND (cardinality($6::bigint[]) = 0 OR a.receiving_agency_id = ANY($6::bigint[]))`,
        [partnershipId, windows.before.from, windows.completedOn, windows.after.to, [...theme.categoryCodes], [...theme.receivingAgencyIds]],
      ),
    );
    return { before: row?.before ?? 0, after: row?.after ?? 0 };
  }
}

function impactFigures(windows: ImpactWindows, settled: SettledCounts): ThemeImpact {
  const side = (id: 'before' | 'after'): ThemeImpactWindow => ({
    ...windows[id],
    escalations: settled.figure(id),
    perMonth: settled.isSuppressed(id) ? null : monthlyRate(settled.value(id), windows.days),
  });
  const before = side('before');
  const after = side('after');
  const tooSoon = windows.days < SHORTEST_WINDOW_DAYS;
  const tooFew = settled.value('before') < FEWEST_ESCALATIONS || settled.value('after') < FEWEST_ESCALATIONS;
  const change = before.perMonth !== null && after.perMonth !== null && before.perMonth > 0 ? after.perMonth / before.perMonth - 1 : null;
  const text = describeImpact({ windows, before, after, change, tooSoon, tooFew });
  return {
    completedOn: windows.completedOn,
    windowDays: windows.days,
    before,
    after,
    change,
    tooFewToTell: tooSoon || tooFew,
    caveat: text.caveat,
    summary: text.summary,
    fewestEscalations: FEWEST_ESCALATIONS,
  };
}
