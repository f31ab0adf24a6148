import { formatPercent } from '../../lib/format';
import { countWithShare, type ApiCount } from '../../lib/suppression';
import type { NationalFigures } from './national.graphql';

/*
 * What the national page states in its titles and summaries. A finding needs the
 * figures behind it: when they are suppressed, the title falls back to the topic.
 */

/** "Dudley raised the most escalations: 412 of 1,302", or null when that cannot be said. */
export function raisedFinding(partnerships: readonly NationalFigures[], total: NationalFigures): string | null {
  // A hidden count may be hidden to protect another, so it can be any size: with one hidden, no partnership surely leads.
  if (partnerships.length < 2 || partnerships.some((p) => p.raised.value === null)) return null;
  if (total.raised.value === null || total.raised.value === 0) return null;
  const top = partnerships.reduce((best, p) => (p.raised.value! > best.raised.value! ? p : best));
  if (partnerships.some((p) => p !== top && p.raised.value === top.raised.value)) return null;
  return `${top.name} raised the most escalations: ${top.raised.display} of ${total.raised.display}`;
}

/** What a screen reader hears for the bars: each partnership's count, in order. */
export function raisedSummary(partnerships: readonly NationalFigures[], total: NationalFigures): string {
  const parts = partnerships.map((p) => `${p.name}: ${p.raised.display}`);
  return `Escalations raised in the period, ${total.raised.display} in all: ${parts.join('; ')}.`;
}

/** The share of all escalations raised that a partnership raised; null when a count behind it is suppressed. */
export function shareOfTotal(part: ApiCount, total: ApiCount): number | null {
  if (part.value === null || total.value === null || total.value === 0) return null;
  return part.value / total.value;
}

/** "71%", or "not shown" when a count behind it is suppressed, or "–" when nothing was due. */
export function complianceText(figures: NationalFigures): string {
  if (figures.compliance !== null) return formatPercent(figures.compliance);
  return figures.timescalesDecided.value === 0 ? '–' : 'not shown';
}

/** A count with the share beside it: "412 (31%)", "<5". */
export function countAndShare(count: ApiCount, share: number | null): string {
  return countWithShare(count, share);
}
