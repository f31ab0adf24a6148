import { describe, expect, it } from '@jest/globals';
import type { ApiCount } from '../../lib/suppression';
import { funnelFinding, funnelSummary, resolutionLabel, resolvedAtFinding, skippedStages } from './stage-findings';
import type { ResolutionShareRow, StageReachRow, TierReachRow } from './stages.graphql';

const count = (value: number | null): ApiCount => (value === null ? { value: null, display: '<5', suppressed: true } : { value, display: value.toLocaleString('en-GB'), suppressed: false });
const NAMES = ['Practice', 'First-line management', 'Middle management', 'Senior management', 'Strategic'];
const tiers = (values: (number | null)[], total: number): TierReachRow[] =>
  values.map((value, index) => ({ tier: index + 1, tierName: NAMES[index]!, reached: count(value), share: value === null ? null : value / total }));

describe('the Stages page findings', () => {
  it('states how many went beyond practice level and reached the top tier', () => {
    expect(funnelFinding(tiers([200, 62, 30, 12, 8], 200))).toBe('31% went beyond practice level; 4% reached the strategic tier');
  });

  it('leaves the top tier out of the finding when it is suppressed, and gives up when the tier-2 share is', () => {
    expect(funnelFinding(tiers([200, 62, 30, 12, null], 200))).toBe('31% went beyond practice level');
    expect(funnelFinding(tiers([8, null, null, 0, 0], 8))).toBeNull();
  });

  it('announces every tier with its count and share, "<5" where suppressed', () => {
    expect(funnelSummary(tiers([200, null], 200), count(200))).toBe(
      'Of 200 escalations, the number that reached each tier or went beyond it: tier 1, practice: 200 (100%); tier 2, first-line management: <5.',
    );
  });

  it('finds the tier most escalations were resolved at', () => {
    const rows: ResolutionShareRow[] = [
      { state: 'RESOLVED', tier: 1, count: count(108), share: 0.54 },
      { state: 'RESOLVED', tier: 2, count: count(40), share: 0.2 },
      { state: 'RESOLVED', tier: 5, count: count(null), share: null },
      { state: 'OPEN', tier: null, count: count(50), share: 0.25 },
    ];
    expect(resolvedAtFinding(rows, tiers([200, 0, 0, 0, 0], 200))).toBe('Resolved most often at tier 1, practice (54% of all escalations)');
    expect(resolutionLabel(rows[3]!, [])).toBe('Still open');
    expect(resolutionLabel(rows[1]!, tiers([1, 1], 1))).toBe('Resolved at tier 2: First-line management');
  });

  it('lists the stages some escalations skipped, suppressed counts included', () => {
    const stage = (code: string, skipped: number | null): StageReachRow => ({
      stageCode: code, stageName: code, ladderOrder: 1, tier: 1, reached: count(10), entered: count(10), skipped: count(skipped), share: 1,
    });
    expect(skippedStages([stage('1', 0), stage('2', 6), stage('3', null)]).map((s) => s.stageCode)).toEqual(['2', '3']);
  });
});
