import { localDateKey, suppressesSmallNumbers } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { CountBook } from '../analytics/suppression.js';
import { Clock } from '../common/clock/clock.js';
import { currentActor } from '../database/actor-scope.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { StrategicLogThemeFigures } from './models/strategic-log-details.model.js';
import type { StrategicLogEntry } from './models/strategic-log-entry.model.js';

/**
 * An entry's theme kept live, in SQL: the escalations of its category and receiving
 * agency (a theme without one of them matches any) raised from the local midnight that
 * starts the day it was added up to now, counted by local calendar month, out-of-scope
 * ones left out; and how many escalations are linked to it. For roles without
 * record-level access, counts from 1 to 4 are suppressed, with the months and their sum
 * related so that the total cannot give a hidden month away (DESIGN.md §4.5).
 */
@Injectable()
export class StrategicLogThemeService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
  ) {}

  async figures(entry: StrategicLogEntry): Promise<StrategicLogThemeFigures | null> {
    if (!entry.theme) return null;
    const today = localDateKey(this.clock.now());
    const { months, linked } = await this.db.run(async (manager) => ({
      months: await manager.query<{ month: string; escalations: number }[]>(
        `WITH months AS (
           SELECT generate_series(date_trunc('month', $2::date), date_trunc('month', greatest($2::date, $3::date)), interval '1 month')::date AS month
         ),
         counted AS (
           SELECT date_trunc('month', a.raised_at AT TIME ZONE 'Europe/London')::date AS month, count(*)::int AS escalations
           FROM analytics_escalation a
           WHERE a.partnership_id = $1::bigint
             AND a.raised_at >= ($2::date::timestamp AT TIME ZONE 'Europe/London')
             AND a.status <> 'out_of_scope'
             AND ($4::text IS NULL OR a.category_code = $4::text)
             AND ($5::bigint IS NULL OR a.receiving_agency_id = $5::bigint)
           GROUP BY 1
         )
         SELECT m.month::text AS month, coalesce(c.escalations, 0) AS escalations
         FROM months m LEFT JOIN counted c USING (month) ORDER BY m.month`,
        [entry.partnershipId, entry.addedOn, today, entry.theme!.categoryCode, entry.theme!.receivingAgencyId],
      ),
      linked: await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM strategic_log_escalation WHERE partnership_id = $1::bigint AND entry_id = $2::bigint`,
        [entry.partnershipId, entry.id],
      ),
    }));

    const book = new CountBook();
    const total = months.reduce((sum, m) => sum + m.escalations, 0);
    book.relate(book.add('since', total), months.map((m) => book.add(`month:${m.month}`, m.escalations)));
    book.add('linked', linked[0]?.n ?? 0);
    const settled = book.settle(suppressesSmallNumbers(currentActor()?.role ?? null));
    const addedMonth = `${entry.addedOn.slice(0, 7)}-01`;
    const thisMonth = `${today.slice(0, 7)}-01`;
    return {
      since: entry.addedOn,
      through: today,
      raisedSinceAdded: settled.figure('since'),
      linked: settled.figure('linked'),
      months: months.map((m) => ({
        month: m.month,
        partial: (m.month === addedMonth && entry.addedOn !== addedMonth) || m.month === thisMonth,
        escalations: settled.figure(`month:${m.month}`),
      })),
    };
  }
}
