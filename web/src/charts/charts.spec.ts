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
  it('stacks the names of lines that end close together, and leaves the others where they are', () => {
    const nudges = labelNudges(
      [
        { key: 'a', label: 'A', values: [0.5, 1] },
        { key: 'b', label: 'B', values: [0.9, 0.98] },
        { key: 'c', label: 'C', values: [0.5, null] },
      ],
      [0, 1],
    );
    expect(Object.fromEntries(nudges)).toEqual({ a: 0, b: 16, c: 0 });
  });
});

describe('series fills', () => {
  it('gives each of the six series its own texture as well as its colour', () => {
    expect([0, 1, 2, 3, 4, 5].map(textureOf)).toEqual(['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical']);
    expect(seriesFill('p', 0)).toBe('#12436D');
    expect(seriesFill('p', 2)).toBe('url(#p-pattern-2)');
  });
});
