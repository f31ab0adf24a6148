import { describe, expect, it } from '@jest/globals';
import { toAnalyticsFilter } from './analytics-filter';
import { countNarrowingFilters, DEFAULT_FILTERS, parseFilters, serialiseFilters, type DashboardFilters } from './filters';

describe('filters in the URL', () => {
  it('reads an empty query string as the default view: the last 12 months, nothing narrowed', () => {
    expect(parseFilters('')).toEqual(DEFAULT_FILTERS);
    expect(serialiseFilters(DEFAULT_FILTERS)).toBe('');
  });

  it('round-trips every filter', () => {
    const filters: DashboardFilters = {
      period: { kind: 'financial-year', startYear: 2024 },
      partnershipId: '3',
      raisingAgencyId: '12',
      receivingAgencyId: '15',
      categoryCode: 'threshold',
      urgency: 'IMMEDIATE',
    };
    const query = serialiseFilters(filters);
    expect(query).toBe('period=fy-2024&partnership=3&raising=12&receiving=15&category=threshold&urgency=immediate');
    expect(parseFilters(`?${query}`)).toEqual(filters);
  });

  it('round-trips the quick periods and a range of dates', () => {
    for (const period of [{ kind: 'last-quarter' }, { kind: 'last-12-months' }, { kind: 'custom', from: '2025-01-06', to: '2025-02-01' }] as const) {
      expect(parseFilters(serialiseFilters({ ...DEFAULT_FILTERS, period })).period).toEqual(period);
    }
    expect(serialiseFilters({ ...DEFAULT_FILTERS, period: { kind: 'custom', from: '2025-01-06', to: '2025-02-01' } })).toBe('from=2025-01-06&to=2025-02-01');
  });

  it('prefers dates of one’s own to a quick choice when both are given', () => {
    expect(parseFilters('period=last-quarter&from=2025-01-01&to=2025-02-01').period).toEqual({ kind: 'custom', from: '2025-01-01', to: '2025-02-01' });
  });

  it('drops what it cannot use instead of failing: impossible dates, backwards ranges, unknown words', () => {
    expect(parseFilters('from=2025-02-30&to=2025-03-01').period).toEqual(DEFAULT_FILTERS.period);
    expect(parseFilters('from=2025-03-01&to=2025-02-01').period).toEqual(DEFAULT_FILTERS.period);
    expect(parseFilters('period=fy-20x4').period).toEqual(DEFAULT_FILTERS.period);
    expect(parseFilters('urgency=critical').urgency).toBeNull();
    expect(parseFilters('category=a%20b%3Cscript%3E').categoryCode).toBeNull();
  });

  it('reads urgency in any case', () => {
    expect(parseFilters('urgency=Urgent').urgency).toBe('URGENT');
  });

  it("keeps a page's own parameters and replaces only the filters'", () => {
    const query = serialiseFilters({ ...DEFAULT_FILTERS, urgency: 'STANDARD' }, '?page=3&urgency=immediate&period=last-quarter');
    expect(new URLSearchParams(query).get('page')).toBe('3');
    expect(new URLSearchParams(query).get('urgency')).toBe('standard');
    expect(new URLSearchParams(query).has('period')).toBe(false);
  });

  it('counts the filters that narrow the view beyond the period', () => {
    expect(countNarrowingFilters(DEFAULT_FILTERS)).toBe(0);
    expect(countNarrowingFilters({ ...DEFAULT_FILTERS, urgency: 'URGENT', categoryCode: 'x' })).toBe(2);
  });
});

describe('the analytics API filter', () => {
  it('sends the period as dates and each filter set as a one-item list, leaving the rest out', () => {
    expect(toAnalyticsFilter({ ...DEFAULT_FILTERS, receivingAgencyId: '9', urgency: 'URGENT' }, { from: '2025-04-01', to: '2025-07-01' })).toEqual({
      from: '2025-04-01',
      to: '2025-07-01',
      receivingAgencyIds: ['9'],
      urgencies: ['URGENT'],
    });
    expect(toAnalyticsFilter({ ...DEFAULT_FILTERS, partnershipId: '2', categoryCode: 'x', raisingAgencyId: '3' }, { from: '2025-04-01', to: '2025-07-01' })).toEqual({
      from: '2025-04-01',
      to: '2025-07-01',
      partnershipIds: ['2'],
      raisingAgencyIds: ['3'],
      categoryCodes: ['x'],
    });
  });
});
