import { describe, expect, it } from '@jest/globals';
import { sparklinePath } from './Sparkline';
import { labelNudges } from './TimeSeriesLines';
import { seriesFill, textureOf } from './patterns';

describe('sparklines', () => {
  it('draws from zero at the bottom to the maximum at the top, breaking the line at a missing value', () => {
    const path = sparklinePath(
      [
        { label: 'a', value: 0 },
        { label: 'b', value: 10 },
        { label: 'c', value: null },
        { label: 'd', value: 5 },
      ],
      30,
      10,
      0,
      10,
    );
    expect(path).toBe('M0.0,10.0 L10.0,0.0 M30.0,5.0');
  });
});

describe('line labels', () => {
  const PLOT = 275;
  /** Where each label ends up, in px from the top of the plot. */
  const placed = (series: { key: string; label: string; values: (number | null)[] }[], domain: [number, number]) => {
    const nudges = labelNudges(series, domain, PLOT);
    return series.map((item) => {
      const end = [...item.values].reverse().find((value) => value !== null)!;
      return (1 - (end - domain[0]) / (domain[1] - domain[0])) * PLOT + nudges.get(item.key)!;
    });
  };

  it('stacks the names of lines that end close together, and leaves the others where they are', () => {
    const nudges = labelNudges(
      [
        { key: 'a', label: 'A', values: [0.5, 1] },
        { key: 'b', label: 'B', values: [0.9, 0.96] },
        { key: 'c', label: 'C', values: [0.5, null] },
      ],
      [0, 1],
      PLOT,
    );
    // b's line ends 11 px below a's: its label goes 16 px below a's, 5 px lower than its line.
    expect(Object.fromEntries(nudges)).toEqual({ a: 0, b: 5, c: 0 });
  });

  it('never lets a label pushed down by one group land on the label of the next line', () => {
    // Seen on the timeliness page: three lines ending at 87%, 86% and 85% pushed the third label onto a fourth at 73%.
    const ends = placed(
      [
        { key: 'service', label: 'Service managers', values: [0.9, 0.87] },
        { key: 'all', label: 'All timescales', values: [0.9, 0.86] },
        { key: 'front', label: 'Front-line', values: [0.9, 0.85] },
        { key: 'team', label: 'Team or operational', values: [0.9, 0.73] },
      ],
      [0, 1],
    ).sort((a, b) => a - b);
    for (let i = 1; i < ends.length; i++) expect(ends[i]! - ends[i - 1]!).toBeGreaterThanOrEqual(15.5);
  });
});

describe('series fills', () => {
  it('gives each of the six series its own texture as well as its colour', () => {
    expect([0, 1, 2, 3, 4, 5].map(textureOf)).toEqual(['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical']);
    expect(seriesFill('p', 0)).toBe('#12436D');
    expect(seriesFill('p', 2)).toBe('url(#p-pattern-2)');
  });
});
