import { describe, expect, it } from '@jest/globals';
import type { ApiCount } from '../../lib/suppression';
import type { NationalFigures } from './national.graphql';
import { complianceText, raisedFinding, raisedSummary, shareOfTotal } from './national-findings';

const count = (value: number | null): ApiCount =>
  value === null ? { value: null, display: '<5', suppressed: true } : { value, display: value.toLocaleString('en-GB'), suppressed: false };

function figures(name: string, raised: number | null, extra: Partial<NationalFigures> = {}): NationalFigures {
  return {
    partnershipId: name === 'All partnerships' ? null : name,
    name,
    raised: count(raised),
    open: count(0),
    openShare: null,
    reachedTopTier: count(0),
    topTierShare: null,
    reach: [],
    compliance: null,
    timescalesDecided: count(0),
    outOfScope: count(0),
    ...extra,
  };
}

describe('the national page’s findings', () => {
  it('names the partnership that raised the most, when every count is shown', () => {
    const total = figures('All partnerships', 1302);
    expect(raisedFinding([figures('Dudley', 412), figures('Perth', 890)], total)).toBe('Perth raised the most escalations: 890 of 1,302');
  });

  it('says nothing of a leader when a count is hidden (it may be hidden to protect another, at any size), or when two tie', () => {
    expect(raisedFinding([figures('Dudley', 412), figures('Perth', null)], figures('All partnerships', 420))).toBeNull();
    expect(raisedFinding([figures('Dudley', 10), figures('Perth', 10)], figures('All partnerships', 20))).toBeNull();
    expect(raisedFinding([figures('Dudley', 10)], figures('All partnerships', 10))).toBeNull();
  });

  it('gives a screen reader every partnership’s count, "<5" as it is', () => {
    expect(raisedSummary([figures('Dudley', 412), figures('Perth', null)], figures('All partnerships', 415))).toBe(
      'Escalations raised in the period, 415 in all: Dudley: 412; Perth: <5.',
    );
  });

  it('shows shares and compliance only when the counts behind them are', () => {
    expect(shareOfTotal(count(25), count(100))).toBe(0.25);
    expect(shareOfTotal(count(null), count(100))).toBeNull();
    expect(shareOfTotal(count(0), count(0))).toBeNull();
    expect(complianceText(figures('Dudley', 10, { compliance: 0.75, timescalesDecided: count(24) }))).toBe('75%');
    expect(complianceText(figures('Dudley', 10, { compliance: null, timescalesDecided: count(9) }))).toBe('not shown');
    expect(complianceText(figures('Dudley', 10, { compliance: null, timescalesDecided: count(0) }))).toBe('–');
  });
});
