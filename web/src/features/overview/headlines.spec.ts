import { describe, expect, it } from '@jest/globals';
import type { ApiCount } from '../../lib/suppression';
import { countChange, headlines, overviewFinding, ratioChange } from './headlines';
import type { HeadlineCount, OverviewData } from './overview.graphql';

const count = (value: number | null): ApiCount => (value === null ? { value: null, display: '<5', suppressed: true } : { value, display: value.toLocaleString('en-GB'), suppressed: false });
const headline = (current: number | null, previous: number | null, share: number | null = null): HeadlineCount => ({
  current: count(current),
  previous: count(previous),
  difference: current === null || previous === null ? null : current - previous,
  ratio: current === null || previous === null || previous === 0 ? null : (current - previous) / previous,
  share,
  previousShare: null,
  sparkline: [count(current)],
});

describe('headline changes', () => {
  it('gives a count’s change in number and per cent', () => {
    expect(countChange(headline(1204, 1108))).toBe('up 96 (9%) on the previous period');
    expect(countChange(headline(90, 100))).toBe('down 10 (10%) on the previous period');
    expect(countChange(headline(5, 5))).toBe('no change on the previous period');
    expect(countChange(headline(5, 0))).toBe('up 5 on the previous period');
  });

  it('does not compare when a count is hidden', () => {
    expect(countChange(headline(null, 12))).toBe('not compared: a number is too small to show');
  });

  it('gives a compliance change in percentage points', () => {
    const ratio = { current: 0.78, previous: 0.73, difference: 0.05, denominator: count(200), previousDenominator: count(180), sparkline: [] };
    expect(ratioChange(ratio)).toBe('up 5 points on the previous period (was 73%)');
    expect(ratioChange({ ...ratio, previous: null, difference: null })).toBe('not compared: too few timescales to show');
  });
});

describe('the six headline figures', () => {
  const overview: OverviewData['analyticsOverview'] = {
    cohort: { period: { from: '2025-11-01', to: '2026-11-01' }, smallNumbersSuppressed: false },
    previousPeriod: { from: '2024-11-01', to: '2025-11-01' },
    months: ['2025-11-01'],
    raised: headline(1204, 1108),
    open: headline(80, 70, 0.066),
    resolvedAtPractice: headline(600, 500, 0.498),
    reachedTopTier: headline(null, 6, null),
    compliance: { current: 0.78, previous: 0.73, difference: 0.05, denominator: count(2000), previousDenominator: count(1800), sparkline: [0.7, null] },
    overdueNow: headline(12, 9, 0.01),
  };

  it('come in order, with shares of those raised and the compliance as a percentage', () => {
    const figures = headlines(overview, false);
    expect(figures.map((figure) => [figure.label, figure.value, figure.detail])).toEqual([
      ['Escalations raised', '1,204', null],
      ['Still open', '80', '7% of those raised'],
      ['Resolved at practice level', '600', '50% of those raised'],
      ['Reached the strategic tier', '<5', null],
      ['Timescales met', '78%', 'of 2,000 timescales due'],
      ['Overdue now', '12', '1% of those raised'],
    ]);
    expect(figures[3]!.suppressed).toBe(true);
    expect(figures[1]!.page).toBe('timeliness');
    expect(headlines(overview, true)[1]).toMatchObject({ page: 'escalations', pageParams: { status: 'open' } });
    expect(headlines(overview, true)[5]).toMatchObject({ page: 'escalations', pageParams: { overdue: '1' } });
  });

  it('states the finding of the page', () => {
    expect(overviewFinding(overview)).toBe('1,204 escalations were raised, up 96 (9%) on the previous period.');
  });
});
