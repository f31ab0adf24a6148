import { describe, expect, it } from '@jest/globals';
import type { ApiCount } from '../../lib/suppression';
import { periodLabel, silenceSpan, silentAgencies, silentFinding } from './silent-agencies';
import type { AgencyActivity } from './silent-agencies.graphql';

const count = (value: number | null): ApiCount => (value === null ? { value: null, display: '<5', suppressed: true } : { value, display: String(value), suppressed: false });
const agency = (name: string, raised: (number | null)[], isActive = true): AgencyActivity => ({
  agencyId: name, name, isActive, silent: isActive && raised[0] === 0, raised: raised.map(count),
});
const PERIODS = [
  { from: '2025-11-01', to: '2026-11-01' },
  { from: '2024-11-01', to: '2025-11-01' },
  { from: '2023-11-01', to: '2024-11-01' },
];

describe('silent agencies', () => {
  it('labels whole months by month, and other periods by their first and last days', () => {
    expect(periodLabel({ from: '2025-11-01', to: '2026-11-01' })).toBe('Nov 2025 to Oct 2026');
    expect(periodLabel({ from: '2025-03-01', to: '2025-04-01' })).toBe('Mar 2025');
    expect(periodLabel({ from: '2025-03-03', to: '2025-04-03' })).toBe('3 March 2025 to 2 April 2025');
  });

  it('lists the active agencies that raised none, and says how many of the active ones they are', () => {
    const all = [agency('Health', [12, 10, 9]), agency('Housing', [0, 3, 0]), agency('Probation', [0, 0, 0]), agency('Old', [0, 2, 0], false)];
    const silent = silentAgencies(all);
    expect(silent.map((a) => a.name)).toEqual(['Housing', 'Probation']);
    expect(silentFinding(silent, all)).toBe('2 agencies of 3 raised no escalations in the period');
    expect(silentFinding([], all)).toBe('Every active agency raised at least one escalation in the period');
    expect(silentFinding(silentAgencies([agency('Housing', [0])]), [agency('Housing', [0])])).toBe('No agency raised an escalation in the period');
  });

  it('says when an agency last raised any, a hidden "<5" counting as some', () => {
    expect(silenceSpan(agency('Probation', [0, 0, 0]), PERIODS)).toBe('None in any of the 3 periods');
    expect(silenceSpan(agency('Housing', [0, 0, 6]), PERIODS)).toBe('Last raised some in Nov 2023 to Oct 2024');
    expect(silenceSpan(agency('Youth', [0, null, 0]), PERIODS)).toBe('Last raised some in Nov 2024 to Oct 2025');
  });
});
