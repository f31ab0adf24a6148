/**
 * The Government Analysis Function's accessible categorical palette, in its order
 * (DASHBOARD.md). Never more than six series in one chart: group the rest as "Other".
 */
export const SERIES_COLOURS = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'] as const;

export const MAX_SERIES = SERIES_COLOURS.length;

export const TEXT_COLOUR = '#0b0c0c';
export const SECONDARY_TEXT_COLOUR = '#484949';
export const GRID_COLOUR = '#dcdcdc';
/** The target line on compliance charts. */
export const TARGET_COLOUR = '#3D3D3D';

/** The series' colour, cycling only in a misuse (more than six series). */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/**
 * Keeps the `max - 1` largest series and sums the rest into one "Other" series, so that
 * no chart has more than `max` (DASHBOARD.md). Totals are preserved; suppressed (null)
 * values make the "Other" value null too, since a sum with a hidden part is hidden.
 */
export function groupSmallSeries<T extends { readonly key: string; readonly label: string; readonly total: number | null }>(
  series: readonly T[],
  max: number = MAX_SERIES,
): { readonly kept: readonly T[]; readonly other: readonly T[] } {
  if (series.length <= max) return { kept: series, other: [] };
  const sorted = [...series].sort((a, b) => (b.total ?? 0) - (a.total ?? 0));
  return { kept: sorted.slice(0, max - 1), other: sorted.slice(max - 1) };
}
