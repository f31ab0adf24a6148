import { describe, expect, it } from '@jest/globals';
import {
  formatCountChange,
  formatDate,
  formatDateTime,
  formatDays,
  formatFinancialYear,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPointsChange,
  formatQuarter,
  pluralise,
} from './format';

describe('number formatting', () => {
  it('separates thousands with commas', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0)).toBe('0');
  });

  it('shows shares as whole percentages, keeping one decimal under 1% so a small share never reads as none', () => {
    expect(formatPercent(0.714)).toBe('71%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.004)).toBe('0.4%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('words changes in counts and in percentage points', () => {
    expect(formatCountChange(12)).toBe('up 12');
    expect(formatCountChange(-1200)).toBe('down 1,200');
    expect(formatCountChange(0)).toBe('no change');
    expect(formatPointsChange(0.052)).toBe('up 5 points');
    expect(formatPointsChange(-0.01)).toBe('down 1 point');
    expect(formatPointsChange(0.001)).toBe('no change');
  });

  it('gives durations their unit, singular for exactly one', () => {
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(2.46)).toBe('2.5 days');
    expect(formatDays(3, 'working days')).toBe('3 working days');
    expect(formatDays(1, 'hours')).toBe('1 hour');
    expect(pluralise(1, 'escalation')).toBe('1 escalation');
    expect(pluralise(1204, 'escalation')).toBe('1,204 escalations');
  });
});

describe('date formatting', () => {
  it('writes calendar dates as "3 March 2025", exactly as given', () => {
    expect(formatDate('2025-03-03')).toBe('3 March 2025');
    expect(formatDate('2024-12-31')).toBe('31 December 2024');
  });

  it('reads instants in Europe/London, where midnight UTC in summer is already the next morning', () => {
    expect(formatDate('2025-06-30T23:30:00Z')).toBe('1 July 2025');
    expect(formatDate('2025-01-31T23:30:00Z')).toBe('31 January 2025');
    expect(formatDateTime('2025-06-30T23:30:00Z')).toBe('1 July 2025 at 00:30');
  });

  it('names months in full or short', () => {
    expect(formatMonth('2025-03-01')).toBe('March 2025');
    expect(formatMonth('2025-03')).toBe('March 2025');
    expect(formatMonth('2025-09-01', { short: true })).toBe('Sept 2025'.replace('Sept', new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date('2025-09-01T00:00:00Z'))));
  });
});

describe('financial years and quarters (April to March)', () => {
  it('names a financial year by both its calendar years', () => {
    expect(formatFinancialYear(2025)).toBe('2025/26');
    expect(formatFinancialYear(1999)).toBe('1999/00');
  });

  it.each([
    ['2025-04-01', 'Q1 2025/26'],
    ['2025-06-30', 'Q1 2025/26'],
    ['2025-07-01', 'Q2 2025/26'],
    ['2025-12-31', 'Q3 2025/26'],
    ['2026-01-01', 'Q4 2025/26'],
    ['2026-03-31', 'Q4 2025/26'],
    ['2025-03-31', 'Q4 2024/25'],
    ['2025-02', 'Q4 2024/25'],
  ])('puts %s in %s', (date, quarter) => {
    expect(formatQuarter(date)).toBe(quarter);
  });
});
