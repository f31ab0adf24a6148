import type { EntityManager } from 'typeorm';
import type { Period } from '../analytics/period.js';

/** One partnership's counts in a period, as read from the national_*_daily views. */
export interface PartnershipCounts {
  readonly partnershipId: string;
  readonly name: string;
  readonly raised: number;
  readonly outOfScope: number;
  readonly open: number;
  /** Escalations whose highest tier is at least 2, 3, 4 and 5, in that order. */
  readonly reachedFrom2: readonly [number, number, number, number];
  readonly met: number;
  readonly breached: number;
  readonly overdue: number;
}

const DAY_RANGE = `raised_on >= $1::date AND raised_on < $2::date AND partnership_id = ANY($3::bigint[])`;

/**
 * Counts per partnership for escalations raised in [from, to) (local dates), from the
 * aggregate views only: a national viewer's transaction can read nothing else of an
 * escalation. Every partnership asked about gets a row, with zeros when it raised none.
 */
export async function readPartnershipCounts(manager: EntityManager, period: Period, partnershipIds: readonly string[]): Promise<PartnershipCounts[]> {
  const params = [period.from, period.to, partnershipIds];
  const sum = (condition: string) => `coalesce(sum(escalations) FILTER (WHERE ${condition}), 0)::int`;
  const escalations = (await manager.query(
    `SELECT partnership_id::text AS partnership_id,
            ${sum(`status <> 'out_of_scope'`)} AS raised,
            ${sum(`status = 'out_of_scope'`)} AS out_of_scope,
            ${sum(`status = 'open'`)} AS open,
            ${[2, 3, 4, 5].map((k) => `${sum(`status <> 'out_of_scope' AND highest_tier >= ${k}`)} AS reached_${k}`).join(', ')}
     FROM national_escalation_daily WHERE ${DAY_RANGE} GROUP BY 1`,
    params,
  )) as Record<string, string | number>[];
  const outcomes = (await manager.query(
    `SELECT partnership_id::text AS partnership_id,
            coalesce(sum(outcomes) FILTER (WHERE status = 'met'), 0)::int AS met,
            coalesce(sum(outcomes) FILTER (WHERE status = 'breached'), 0)::int AS breached,
            coalesce(sum(outcomes) FILTER (WHERE status = 'overdue'), 0)::int AS overdue
     FROM national_timescale_daily WHERE ${DAY_RANGE} GROUP BY 1`,
    params,
  )) as Record<string, string | number>[];
  const names = (await manager.query(`SELECT id::text AS id, name FROM partnership WHERE id = ANY($1::bigint[]) ORDER BY name, partnership.id`, [
    partnershipIds,
  ])) as { id: string; name: string }[];

  const byId = (rows: Record<string, string | number>[]) => new Map(rows.map((row) => [String(row['partnership_id']), row]));
  const [counted, decided] = [byId(escalations), byId(outcomes)];
  return names.map(({ id, name }) => {
    const e = counted.get(id) ?? {};
    const o = decided.get(id) ?? {};
    const n = (row: Record<string, string | number>, key: string) => Number(row[key] ?? 0);
    return {
      partnershipId: id,
      name,
      raised: n(e, 'raised'),
      outOfScope: n(e, 'out_of_scope'),
      open: n(e, 'open'),
      reachedFrom2: [n(e, 'reached_2'), n(e, 'reached_3'), n(e, 'reached_4'), n(e, 'reached_5')],
      met: n(o, 'met'),
      breached: n(o, 'breached'),
      overdue: n(o, 'overdue'),
    };
  });
}
