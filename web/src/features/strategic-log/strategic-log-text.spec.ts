import { CombinedGraphQLErrors } from '@apollo/client';
import { STRATEGIC_LOG_TRANSITIONS } from '@escalation-insights/shared';
import { describe, expect, it } from '@jest/globals';
import { impactFinding, LOG_TRANSITIONS, logProblem, nextStatuses, reviewDateText, windowText } from './strategic-log-text';
import type { ThemeImpact } from './strategic-log.graphql';

const count = (value: number | null) => ({ value, display: value === null ? '<5' : String(value), suppressed: value === null });

function impact(before: number | null, after: number | null, extra: Partial<ThemeImpact> = {}): ThemeImpact {
  const rate = (n: number | null) => (n === null ? null : (n * 30.4375) / 91);
  return {
    completedOn: '2025-04-01', windowDays: 91, tooFewToTell: false, caveat: null, summary: '', fewestEscalations: 10,
    change: before && after !== null ? after / before - 1 : null,
    before: { from: '2024-12-31', to: '2025-04-01', perMonth: rate(before), escalations: count(before) },
    after: { from: '2025-04-01', to: '2025-07-01', perMonth: rate(after), escalations: count(after) },
    ...extra,
  };
}

describe('the strategic log in words', () => {
  it('offers the status moves the API allows', () => {
    const shared = Object.fromEntries(
      Object.entries(STRATEGIC_LOG_TRANSITIONS).map(([from, to]) => [from.toUpperCase(), to.map((status) => status.toUpperCase())]),
    );
    expect(LOG_TRANSITIONS).toEqual(shared);
    expect(nextStatuses('OPEN')).toEqual(['UNDER_REVIEW', 'ACTIONED', 'CLOSED']);
    expect(nextStatuses('CLOSED')).toEqual(['UNDER_REVIEW']);
  });

  it('says "overdue" in words beside the review date', () => {
    expect(reviewDateText({ reviewDate: '2025-03-03', isOverdue: true })).toBe('3 March 2025 (overdue)');
    expect(reviewDateText({ reviewDate: '2025-03-03', isOverdue: false })).toBe('3 March 2025');
    expect(reviewDateText({ reviewDate: null, isOverdue: false })).toBe('None set');
  });

  it('states the finding of "Has it worked?", with the caveat when the counts are few', () => {
    // 12 and 10 escalations over 91 days: 4.01 and 3.34 a month, down 16.7%.
    expect(impactFinding(impact(12, 10))).toBe('Escalations on this theme fell by 17%, from 4 to 3.3 a month');
    expect(impactFinding(impact(6, 2, { tooFewToTell: true }))).toBe('Escalations on this theme fell by 67%, from 2 to 0.7 a month (too few to tell)');
    expect(impactFinding(impact(6, null, { tooFewToTell: true }))).toBe('Escalations on this theme: 6 before completion and <5 after');
    expect(impactFinding(impact(0, 0, { windowDays: 0 }))).toBe('Too soon to tell whether the theme has eased');
  });

  it('names a window by its first and last day', () => {
    expect(windowText({ from: '2025-04-01', to: '2025-07-01' })).toBe('1 April 2025 to 30 June 2025');
  });

  it('turns a refusal into a sentence a person can act on', () => {
    const refusal = (code: string, message: string, extra: Record<string, unknown> = {}) =>
      new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...extra } }] });
    expect(logProblem(refusal('VERSION_CONFLICT', 'expectedVersion: …')).message).toMatch(/^Someone else changed this entry/);
    expect(logProblem(refusal('REVIEW_DATE_BEFORE_ADDED', 'reviewDate: the review date 2025-01-01 is before the entry was added (2025-02-03); choose a later date')).message)
      .toBe('The review date 2025-01-01 is before the entry was added (2025-02-03); choose a later date');
    expect(logProblem(refusal('THEME_ALREADY_ON_LOG', 'categoryCode: …', { entryId: '7' }))).toMatchObject({ code: 'THEME_ALREADY_ON_LOG', entryId: '7' });
  });
});
