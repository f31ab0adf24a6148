import { describe, expect, it } from '@jest/globals';
import type { ApiCount } from '../../lib/suppression';
import { chosenInterval, categoryFinding, categorySeries, contrastRatio, heatShade, relativeLuminance, signalEscalationsHref } from './theme-findings';
import type { CategoryTrend } from './themes.graphql';

const count = (value: number | null): ApiCount => (value === null ? { value: null, display: '<5', suppressed: true } : { value, display: String(value), suppressed: false });
const trend = (code: string, series: (number | null)[], difference: number | null = null): CategoryTrend => {
  const sum = series.every((value) => value !== null) ? series.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
  return { categoryCode: code, label: `Category ${code}`, series: series.map(count), change: { current: count(sum), previous: count(0), difference, ratio: null } };
};

describe('categories over time', () => {
  it('keeps up to six categories as they are', () => {
    const series = categorySeries([trend('a', [1, 2]), trend('b', [5, 5])], [count(6), count(7)]);
    expect(series.map((item) => item.key)).toEqual(['b', 'a']);
  });

  it('keeps the five largest and groups the rest as "Other"', () => {
    const categories = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((code, index) => trend(code, [10 - index, 20 - index]));
    const series = categorySeries(categories, [count(49), count(119)]);
    expect(series.map((item) => item.key)).toEqual(['a', 'b', 'c', 'd', 'e', 'other']);
    expect(series[5]).toEqual({ key: 'other', label: 'Other (2 categories)', values: [9, 29] });
  });

  it('stacks what the suppressed counts hold together, so that each bar stands as high as its total', () => {
    const categories = [trend('a', [12, null]), trend('b', [null, 7])];
    categories[0] = { ...categories[0]!, change: { ...categories[0]!.change, current: count(15) } };
    const series = categorySeries(categories, [count(14), count(10)]);
    expect(series[2]!.muted).toBe(true);
    expect(series.map((item) => [item.key, item.values])).toEqual([
      ['a', [12, null]],
      ['b', [null, 7]],
      ['not-shown', [2, 3]],
    ]);
  });

  it('keeps to six series when some counts are suppressed: four categories, "Other" and the suppressed', () => {
    const categories = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((code, index) => trend(code, [code === 'g' ? null : 10 - index]));
    const series = categorySeries(categories, [count(50)]);
    expect(series.map((item) => item.key)).toEqual(['a', 'b', 'c', 'd', 'other', 'not-shown']);
    expect(series[4]!.values).toEqual([11]);
    expect(series[5]!.values).toEqual([50 - (10 + 9 + 8 + 7 + 6 + 5)]);
  });

  it('states the most common category with its share and change', () => {
    expect(categoryFinding([trend('a', [10, 20], 5), trend('b', [1, 2])], count(33))).toBe('“Category a” was the most common disagreement: 30 (91%), up 5 on the previous period');
    expect(categoryFinding([trend('a', [null])], count(3))).toBeNull();
  });
});

describe('the heat map', () => {
  it('shades from white for none to dark blue for the largest, with white text on dark cells', () => {
    expect(heatShade(0, 10)).toEqual({ background: '#ffffff', dark: false });
    expect(heatShade(10, 10)).toEqual({ background: 'rgb(18, 67, 109)', dark: true });
    expect(heatShade(1, 10).dark).toBe(false);
    expect(heatShade(null, 10).background).toBe('#f3f2f1');
  });

  it('keeps every cell’s number at AA contrast (4.5:1) whatever its shade', () => {
    for (let value = 1; value <= 40; value += 1) {
      const shade = heatShade(value, 40);
      const [r, g, b] = shade.background.match(/\d+/g)!.map(Number) as [number, number, number];
      const text = shade.dark ? 1 : 0;
      expect(contrastRatio(relativeLuminance(r, g, b), text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('a theme signal’s escalations', () => {
  it('links to the list filtered to its category, receiving agency and the London days it spans', () => {
    expect(
      signalEscalationsHref({ categoryCode: 'threshold', receivingAgencyId: '12', firstRaisedAt: '2025-06-30T23:30:00.000Z', lastRaisedAt: '2025-08-14T09:00:00.000Z' }),
    ).toBe('/escalations?from=2025-07-01&to=2025-08-15&receiving=12&category=threshold');
  });
});

describe('months or quarters', () => {
  it('counts by quarter over nine months or more, by month over less, unless the URL says', () => {
    expect(chosenInterval(null, { from: '2025-11-01', to: '2026-11-01' })).toBe('QUARTER');
    expect(chosenInterval(null, { from: '2026-07-01', to: '2026-10-01' })).toBe('MONTH');
    expect(chosenInterval('month', { from: '2025-11-01', to: '2026-11-01' })).toBe('MONTH');
    expect(chosenInterval('quarter', { from: '2026-07-01', to: '2026-10-01' })).toBe('QUARTER');
  });
});
