import { formatNumber, formatPercent } from './format';

/*
 * Small-number suppression as the API delivers it (DESIGN.md §4.5): a count the viewer
 * may not see exactly arrives as null (with the display text "<5"). A share built on a
 * suppressed count is not shown at all, so that it cannot give the count away.
 */

export const SUPPRESSED = '<5';

/** A count as the API sends it: a number, or null when suppressed. */
export type MaybeCount = number | null;

export function isSuppressed(count: MaybeCount | undefined): count is null {
  return count === null;
}

/** "1,204", or "<5" for a suppressed count. */
export function displayCount(count: MaybeCount): string {
  return count === null ? SUPPRESSED : formatNumber(count);
}

/**
 * The share `part / whole`, or null when it cannot be shown: either count suppressed, or
 * nothing to divide by.
 */
export function shareOf(part: MaybeCount, whole: MaybeCount): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return part / whole;
}

/** A share as a percentage; "not shown" (for a suppressed count) or "–" (nothing to divide by). */
export function displayShare(part: MaybeCount, whole: MaybeCount): string {
  if (part === null || whole === null) return 'not shown';
  if (whole === 0) return '–';
  return formatPercent(part / whole);
}

/** A count to draw: suppressed counts are drawn as nothing (the table says "<5"). */
export function plotValue(count: MaybeCount): number {
  return count ?? 0;
}

/** Whether any of the counts is suppressed, so that a footnote must say why. */
export function anySuppressed(counts: Iterable<MaybeCount | undefined>): boolean {
  for (const count of counts) if (count === null) return true;
  return false;
}

/** The footnote every chart or table with a "<5" carries. */
export const SUPPRESSION_FOOTNOTE =
  '<5: a number from 1 to 4, hidden so that no child or family can be identified from it. ' +
  'Percentages that would reveal a hidden number are not shown, and some other numbers may be hidden so that it cannot be worked out from a total.';

/**
 * A count as the analytics API sends it: its value (null when suppressed), the text to
 * show ("1,204" or "<5"), and whether it was suppressed.
 */
export interface ApiCount {
  readonly value: number | null;
  readonly display: string;
  readonly suppressed: boolean;
}

/** A count and the share that goes with it: "1,204 (71%)", "<5", or "12 (share not shown)". */
export function countWithShare(count: ApiCount, share: number | null): string {
  if (count.suppressed) return count.display;
  return share === null ? count.display : `${count.display} (${formatPercent(share)})`;
}

/** Whether any of the API's counts is suppressed, so that the "<5" footnote is needed. */
export function anyApiSuppressed(counts: Iterable<ApiCount | null | undefined>): boolean {
  for (const count of counts) if (count?.suppressed) return true;
  return false;
}

/** A share as text, or "not shown" when the API withheld it because a count behind it is suppressed. */
export function displayApiShare(share: number | null, count: ApiCount): string {
  if (share !== null) return formatPercent(share);
  return count.suppressed || count.value === null ? 'not shown' : '–';
}
