import { TIER_NAMES, TIERS, type Tier } from '@escalation-insights/shared';
import type { SqlRunner } from './analytics-reader.js';
import { SqlParams, type AnalyticsScope } from './cohort-sql.js';
import { DIM_COLUMN, escalationCounts } from './cube-source.js';
import type { ResolutionShare, TierReach } from './models/stage-reach.model.js';
import type { CountBook, SettledCounts } from './suppression.js';

/**
 * Reach and resolved-at counts of one cohort (or one part of it), as computed in SQL:
 * - reached[k] = escalations whose highest tier ≥ k (reached[1] is the cohort itself);
 * - resolved[t] = status resolved with resolved_tier = t; open; withdrawn — a partition
 *   of the cohort.
 */
export interface ReachRow {
  readonly key: string;
  readonly label: string | null;
  readonly partnershipId: string | null;
  readonly escalations: number;
  readonly outOfScope: number;
  /** Tiers 2 to 5, in order. */
  readonly reached: readonly number[];
  /** Tiers 1 to 5, in order. */
  readonly resolved: readonly number[];
  readonly open: number;
  readonly withdrawn: number;
}

export type ReachSplit = 'raising' | 'receiving' | 'category';

const UPPER_TIERS = TIERS.slice(1);

/** One row for the whole cohort (split null, out-of-scope counted beside it) or one per agency or category. */
export async function readReach(run: SqlRunner, scope: AnalyticsScope, split: ReachSplit | null): Promise<ReachRow[]> {
  const params = new SqlParams();
  const source = escalationCounts(scope, params, {
    dims: ['status', 'highestTier', 'resolvedTier', ...(split ? [split] : [])],
    includeOutOfScope: split === null,
  });
  const sum = (condition: string) => `coalesce(sum(c.escalations) FILTER (WHERE ${condition}), 0)::int`;
  const figures = [
    `${sum(`c.status <> 'out_of_scope'`)} AS escalations`,
    `${sum(`c.status = 'out_of_scope'`)} AS out_of_scope`,
    ...UPPER_TIERS.map((k) => `${sum(`c.status <> 'out_of_scope' AND c.highest_tier >= ${k}`)} AS reached_${k}`),
    ...TIERS.map((t) => `${sum(`c.status = 'resolved' AND c.resolved_tier = ${t}`)} AS resolved_${t}`),
    `${sum(`c.status = 'open'`)} AS open`,
    `${sum(`c.status = 'withdrawn'`)} AS withdrawn`,
  ].join(',\n           ');
  let sql: string;
  if (split === null) {
    sql = `SELECT '' AS key, NULL::text AS label, NULL::text AS partnership_id, ${figures} FROM (${source}) c`;
  } else if (split === 'category') {
    sql = `SELECT r.*, (SELECT min(pc.label) FROM protocol_category pc
                        WHERE pc.code = r.key AND pc.partnership_id = ANY(${params.add(scope.partnershipIds, 'bigint[]')})) AS label
           FROM (SELECT c.category_code AS key, NULL::text AS partnership_id, ${figures} FROM (${source}) c GROUP BY 1) r
           ORDER BY label, key`;
  } else {
    sql = `SELECT r.*, a.name AS label
           FROM (SELECT c.${DIM_COLUMN[split]}::text AS key, c.partnership_id::text AS partnership_id, ${figures}
                 FROM (${source}) c GROUP BY 1, 2) r
           JOIN agency a ON a.partnership_id = r.partnership_id::bigint AND a.id = r.key::bigint
           ORDER BY a.name, r.key`;
  }
  const rows = await run<Record<string, string | number | null>>(sql, params);
  return rows.map((row) => ({
    key: String(row['key']),
    label: row['label'] === null ? null : String(row['label']),
    partnershipId: row['partnership_id'] === null ? null : String(row['partnership_id']),
    escalations: Number(row['escalations']),
    outOfScope: Number(row['out_of_scope']),
    reached: UPPER_TIERS.map((k) => Number(row[`reached_${k}`])),
    resolved: TIERS.map((t) => Number(row[`resolved_${t}`])),
    open: Number(row['open']),
    withdrawn: Number(row['withdrawn']),
  }));
}

/** Count ids of a reach row in a CountBook, under `prefix` ('' for the whole cohort). */
export const reachIds = (prefix: string) => ({
  escalations: prefix ? `${prefix}:escalations` : 'cohort',
  reached: (tier: Tier) => (tier === 1 ? (prefix ? `${prefix}:escalations` : 'cohort') : `${prefix}:reached:${tier}`),
  resolved: (tier: Tier) => `${prefix}:resolved:${tier}`,
  open: `${prefix}:open`,
  withdrawn: `${prefix}:withdrawn`,
});

/** Registers a row's counts, with the resolved-at partition of its cohort as a relation. */
export function addReach(book: CountBook, prefix: string, row: ReachRow): void {
  const ids = reachIds(prefix);
  book.add(ids.escalations, row.escalations);
  UPPER_TIERS.forEach((k, i) => book.add(ids.reached(k), row.reached[i]!));
  TIERS.forEach((t, i) => book.add(ids.resolved(t), row.resolved[i]!));
  book.add(ids.open, row.open);
  book.add(ids.withdrawn, row.withdrawn);
  book.relate(ids.escalations, [...TIERS.map(ids.resolved), ids.open, ids.withdrawn]);
}

/** Relates each count of the parts (rows under `prefixes`) to the same count of the whole (prefix ''). */
export function relateReachParts(book: CountBook, prefixes: readonly string[]): void {
  const whole = reachIds('');
  const parts = prefixes.map(reachIds);
  book.relate(whole.escalations, parts.map((p) => p.escalations));
  for (const k of UPPER_TIERS) book.relate(whole.reached(k), parts.map((p) => p.reached(k)));
  for (const t of TIERS) book.relate(whole.resolved(t), parts.map((p) => p.resolved(t)));
  book.relate(whole.open, parts.map((p) => p.open));
  book.relate(whole.withdrawn, parts.map((p) => p.withdrawn));
}

export function tierReaches(settled: SettledCounts, prefix: string): TierReach[] {
  const ids = reachIds(prefix);
  return TIERS.map((tier) => ({
    tier,
    tierName: TIER_NAMES[tier],
    reached: settled.figure(ids.reached(tier)),
    share: settled.share(ids.reached(tier), ids.escalations),
  }));
}

export function resolutionShares(settled: SettledCounts, prefix: string): ResolutionShare[] {
  const ids = reachIds(prefix);
  const part = (state: ResolutionShare['state'], tier: number | null, id: string): ResolutionShare => ({
    state, tier, count: settled.figure(id), share: settled.share(id, ids.escalations),
  });
  return [
    ...TIERS.map((t) => part('resolved', t, ids.resolved(t))),
    part('open', null, ids.open),
    part('withdrawn', null, ids.withdrawn),
  ];
}
