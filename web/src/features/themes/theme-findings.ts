import type { StackedSeries } from '../../charts/StackedBars';
import { addDays, daysBetween, londonIsoDate } from '../../lib/dates';
import type { DateRange } from '../filters/period';
import { formatCountChange, formatPercent } from '../../lib/format';
import { MAX_SERIES } from '../../lib/palette';
import type { ApiCount } from '../../lib/suppression';
import { DEFAULT_FILTERS, serialiseFilters } from '../filters/filters';
import type { CategoryTrend, ThemeInterval, ThemeSignal } from './themes.graphql';

const total = (category: CategoryTrend) => category.change.current.value ?? 0;

/** The label of the series that holds, per bucket, the escalations of categories whose counts are too small to show. */
export const NOT_SHOWN_LABEL = 'Categories with fewer than 5';

/**
 * The categories as at most six stacked series: the largest ones, "Other" for the rest,
 * and — when some counts are suppressed — a series for what the suppressed cells hold
 * together (the bucket's total less every count shown), so that each bar stands as high
 * as its total. That sum gives nothing away: the total and the shown counts are on screen.
 */
export function categorySeries(categories: readonly CategoryTrend[], bucketTotals: readonly ApiCount[]): StackedSeries[] {
  const sorted = [...categories].sort((a, b) => total(b) - total(a) || a.label.localeCompare(b.label));
  const anyHidden = categories.some((category) => category.series.some((count) => count.value === null));
  const room = MAX_SERIES - (anyHidden ? 1 : 0);
  const kept = sorted.length <= room ? sorted : sorted.slice(0, room - 1);
  const rest = sorted.slice(kept.length);
  const known = (category: CategoryTrend, index: number) => category.series[index]?.value ?? 0;
  const series: StackedSeries[] = kept.map((category) => ({ key: category.categoryCode, label: category.label, values: category.series.map((count) => count.value) }));
  if (rest.length > 0) {
    series.push({
      key: 'other',
      label: `Other (${rest.length} categories)`,
      values: bucketTotals.map((_, index) => rest.reduce((sum, category) => sum + known(category, index), 0)),
    });
  }
  if (anyHidden) {
    series.push({
      key: 'not-shown',
      label: NOT_SHOWN_LABEL,
      muted: true,
      values: bucketTotals.map((bucketTotal, index) =>
        bucketTotal.value === null ? null : Math.max(0, bucketTotal.value - sorted.reduce((sum, category) => sum + known(category, index), 0)),
      ),
    });
  }
  return series;
}

/** "“Threshold for services” was the most common disagreement: 120 (31%), up 14 on the previous period". */
export function categoryFinding(categories: readonly CategoryTrend[], cohort: ApiCount): string | null {
  const shown = categories.filter((category) => category.change.current.value !== null);
  if (shown.length === 0) return null;
  const top = shown.reduce((best, category) => (total(category) > total(best) ? category : best));
  const share = cohort.value ? ` (${formatPercent(total(top) / cohort.value)})` : '';
  const change = top.change.difference === null ? '' : `, ${formatCountChange(top.change.difference)} on the previous period`;
  return `“${top.label}” was the most common disagreement: ${top.change.current.display}${share}${change}`;
}

/** A cell's shade on a sequential scale of dark blue, and whether its text must be white to stay readable. */
export function heatShade(value: number | null, max: number): { readonly background: string; readonly dark: boolean } {
  if (value === null) return { background: '#f3f2f1', dark: false };
  if (value === 0 || max <= 0) return { background: '#ffffff', dark: false };
  const strength = Math.min(1, value / max);
  // From a pale blue (#e8eef5) to the palette's dark blue (#12436d).
  const mix = (from: number, to: number) => Math.round(from + (to - from) * (0.15 + 0.85 * strength));
  const [r, g, b] = [mix(0xe8, 0x12), mix(0xee, 0x43), mix(0xf5, 0x6d)];
  // White text where it contrasts better than black (both reach 4.5:1 either side of 0.18).
  return { background: `rgb(${r}, ${g}, ${b})`, dark: relativeLuminance(r, g, b) < 0.18 };
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(r: number, g: number, b: number): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two luminances. */
export function contrastRatio(a: number, b: number): number {
  const [light, dark] = a > b ? [a, b] : [b, a];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The escalations page, filtered to a signal's category and receiving agency over the
 * days its escalations were raised (London dates, the last one included).
 */
export function signalEscalationsHref(signal: Pick<ThemeSignal, 'categoryCode' | 'receivingAgencyId' | 'firstRaisedAt' | 'lastRaisedAt'>): string {
  const from = londonIsoDate(new Date(signal.firstRaisedAt));
  const to = addDays(londonIsoDate(new Date(signal.lastRaisedAt)), 1);
  const query = serialiseFilters({ ...DEFAULT_FILTERS, period: { kind: 'custom', from, to }, categoryCode: signal.categoryCode, receivingAgencyId: signal.receivingAgencyId });
  return `/escalations?${query}`;
}

/** Months, or quarters for a period of nine months or more (fewer bars, fewer counts too small to show), unless the URL says. */
export function chosenInterval(param: string | null, range: DateRange): ThemeInterval {
  if (param === 'month') return 'MONTH';
  if (param === 'quarter') return 'QUARTER';
  return daysBetween(range.from, range.to) >= 270 ? 'QUARTER' : 'MONTH';
}

