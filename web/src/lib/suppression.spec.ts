import { describe, expect, it } from '@jest/globals';
import {
  anyApiSuppressed,
  anySuppressed,
  countWithShare,
  displayApiShare,
  displayCount,
  displayShare,
  plotValue,
  shareOf,
  SUPPRESSED,
} from './suppression';

describe('small-number suppression on screen', () => {
  it('shows a suppressed count as "<5" and others with thousands separators', () => {
    expect(displayCount(null)).toBe(SUPPRESSED);
    expect(SUPPRESSED).toBe('<5');
    expect(displayCount(0)).toBe('0');
    expect(displayCount(12345)).toBe('12,345');
  });

  it('never shows a percentage built on a suppressed count', () => {
    expect(shareOf(null, 40)).toBeNull();
    expect(shareOf(10, null)).toBeNull();
    expect(displayShare(null, 40)).toBe('not shown');
    expect(displayShare(10, null)).toBe('not shown');
  });

  it('shows shares of known counts, and a dash when there is nothing to divide by', () => {
    expect(shareOf(10, 40)).toBe(0.25);
    expect(displayShare(10, 40)).toBe('25%');
    expect(shareOf(0, 0)).toBeNull();
    expect(displayShare(0, 0)).toBe('–');
  });

  it('draws a suppressed count as nothing, and knows when a footnote is needed', () => {
    expect(plotValue(null)).toBe(0);
    expect(plotValue(7)).toBe(7);
    expect(anySuppressed([1, 2, undefined])).toBe(false);
    expect(anySuppressed([1, null])).toBe(true);
  });
});

describe("the API's counts", () => {
  const shown = { value: 1204, display: '1,204', suppressed: false };
  const hidden = { value: null, display: '<5', suppressed: true };

  it('shows a count with its share, or "<5" alone', () => {
    expect(countWithShare(shown, 0.714)).toBe('1,204 (71%)');
    expect(countWithShare(shown, null)).toBe('1,204');
    expect(countWithShare(hidden, null)).toBe('<5');
  });

  it('says a share is not shown when it was withheld for suppression, and a dash when there was nothing to divide', () => {
    expect(displayApiShare(null, hidden)).toBe('not shown');
    expect(displayApiShare(null, { value: 0, display: '0', suppressed: false })).toBe('–');
    expect(displayApiShare(0.25, shown)).toBe('25%');
  });

  it('knows when a footnote is needed', () => {
    expect(anyApiSuppressed([shown, null, undefined])).toBe(false);
    expect(anyApiSuppressed([shown, hidden])).toBe(true);
  });
});
