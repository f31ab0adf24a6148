import { describe, expect, it } from '@jest/globals';
import { describeRange, offeredFinancialYears, periodChoiceLabel, previousRange, quarterStart, resolvePeriod } from './period';

describe('quick periods', () => {
  it('takes "last quarter" as the last complete financial-year quarter', () => {
    expect(resolvePeriod({ kind: 'last-quarter' }, '2025-11-26')).toEqual({ from: '2025-07-01', to: '2025-10-01' });
    expect(resolvePeriod({ kind: 'last-quarter' }, '2025-10-01')).toEqual({ from: '2025-07-01', to: '2025-10-01' });
    expect(resolvePeriod({ kind: 'last-quarter' }, '2025-02-14')).toEqual({ from: '2024-10-01', to: '2025-01-01' });
    expect(periodChoiceLabel({ kind: 'last-quarter' }, '2025-11-26')).toBe('Last quarter (Q2 2025/26)');
  });

  it('takes "last 12 months" as the twelve complete months before the current one', () => {
    expect(resolvePeriod({ kind: 'last-12-months' }, '2025-11-26')).toEqual({ from: '2024-11-01', to: '2025-11-01' });
    expect(resolvePeriod({ kind: 'last-12-months' }, '2024-02-29')).toEqual({ from: '2023-02-01', to: '2024-02-01' });
    expect(periodChoiceLabel({ kind: 'last-12-months' }, '2025-11-26')).toBe('Last 12 months');
  });

  it('runs a financial year from 1 April to 31 March, cut at today while it is running', () => {
    expect(resolvePeriod({ kind: 'financial-year', startYear: 2024 }, '2025-11-26')).toEqual({ from: '2024-04-01', to: '2025-04-01' });
    expect(resolvePeriod({ kind: 'financial-year', startYear: 2025 }, '2025-11-26')).toEqual({ from: '2025-04-01', to: '2025-11-27' });
    expect(periodChoiceLabel({ kind: 'financial-year', startYear: 2025 }, '2025-11-26')).toBe('Financial year 2025/26 (so far)');
    expect(periodChoiceLabel({ kind: 'financial-year', startYear: 2024 }, '2025-11-26')).toBe('Financial year 2024/25');
  });

  it('offers the current financial year and the three before it, newest first', () => {
    expect(offeredFinancialYears('2025-03-31')).toEqual([2024, 2023, 2022, 2021]);
    expect(offeredFinancialYears('2025-04-01')).toEqual([2025, 2024, 2023, 2022]);
  });

  it('finds the quarter a date is in', () => {
    expect(quarterStart('2025-05-17')).toBe('2025-04-01');
    expect(quarterStart('2025-03-31')).toBe('2025-01-01');
    expect(quarterStart('2025-12-01')).toBe('2025-10-01');
  });
});

describe('ranges', () => {
  it('compares with the equal period just before', () => {
    expect(previousRange({ from: '2025-07-01', to: '2025-10-01' })).toEqual({ from: '2025-03-31', to: '2025-07-01' });
    // 365 days back from 27 November 2024 crosses 29 February 2024.
    expect(previousRange({ from: '2024-11-27', to: '2025-11-27' })).toEqual({ from: '2023-11-28', to: '2024-11-27' });
  });

  it('describes a half-open range by its first and last days', () => {
    expect(describeRange({ from: '2025-04-01', to: '2026-04-01' })).toBe('1 April 2025 to 31 March 2026');
    expect(describeRange({ from: '2025-04-01', to: '2025-04-02' })).toBe('1 April 2025');
  });
});
