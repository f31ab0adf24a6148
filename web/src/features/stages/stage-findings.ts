import { formatPercent } from '../../lib/format';
import type { ApiCount } from '../../lib/suppression';
import type { ResolutionShareRow, StageReachRow, TierReachRow } from './stages.graphql';

/*
 * The findings the Stages page states in its titles and summaries, from the API's
 * figures. Each falls back to a neutral title when the figure it needs is suppressed.
 */

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "31% went beyond practice level; 4% reached the strategic tier". */
export function funnelFinding(tiers: readonly TierReachRow[]): string | null {
  const beyondFirst = tiers.find((tier) => tier.tier === 2);
  const top = tiers.find((tier) => tier.tier === 5);
  if (!beyondFirst || beyondFirst.share === null) return null;
  const first = `${formatPercent(beyondFirst.share)} went beyond practice level`;
  return top && top.share !== null ? `${first}; ${formatPercent(top.share)} reached the ${lowerFirst(top.tierName)} tier` : first;
}

/** The summary a screen reader hears for the funnel. */
export function funnelSummary(tiers: readonly TierReachRow[], cohort: ApiCount): string {
  const parts = tiers.map((tier) => `tier ${tier.tier}, ${lowerFirst(tier.tierName)}: ${tier.reached.display}${tier.share === null ? '' : ` (${formatPercent(tier.share)})`}`);
  return `Of ${cohort.display} escalations, the number that reached each tier or went beyond it: ${parts.join('; ')}.`;
}

export function tierLabel(tier: number, tiers: readonly { readonly tier: number; readonly tierName: string }[]): string {
  const name = tiers.find((item) => item.tier === tier)?.tierName;
  return name ? `Tier ${tier}: ${name}` : `Tier ${tier}`;
}

/** "Resolved at tier 1: Practice", "Still open", "Withdrawn". */
export function resolutionLabel(row: ResolutionShareRow, tiers: readonly TierReachRow[]): string {
  switch (row.state) {
    case 'OPEN':
      return 'Still open';
    case 'WITHDRAWN':
      return 'Withdrawn';
    case 'RESOLVED':
      return `Resolved at ${lowerFirst(tierLabel(row.tier ?? 0, tiers))}`;
  }
}

/** "Most were resolved at tier 1, practice (54%)": the largest resolved part, when it can be shown. */
export function resolvedAtFinding(rows: readonly ResolutionShareRow[], tiers: readonly TierReachRow[]): string | null {
  const resolved = rows.filter((row) => row.state === 'RESOLVED' && row.count.value !== null && row.share !== null);
  if (resolved.length === 0) return null;
  const largest = resolved.reduce((best, row) => ((row.count.value ?? 0) > (best.count.value ?? 0) ? row : best));
  const name = tiers.find((tier) => tier.tier === largest.tier)?.tierName;
  return `Resolved most often at tier ${largest.tier}${name ? `, ${lowerFirst(name)}` : ''} (${formatPercent(largest.share!)} of all escalations)`;
}

/** Stages some escalations passed over: "Stage 2 was skipped by 12". */
export function skippedStages(stages: readonly StageReachRow[]): StageReachRow[] {
  return stages.filter((stage) => stage.skipped.suppressed || (stage.skipped.value ?? 0) > 0);
}
