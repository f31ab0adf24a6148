import { describe, expect, it } from '@jest/globals';
import { CombinedGraphQLErrors } from '@apollo/client';
import type { ThemeImpact } from './learning.graphql';
import { actionStatusChoices, actionSummary, briefingSections, briefingSubtitle, impactFinding, impactWindowText, itemStatusChoices, learningProblem, parseQuestions } from './learning-text';

describe('the statuses a change may lead to', () => {
  it('offers an item the statuses the shared rules allow, never completed by an edit', () => {
    expect(itemStatusChoices('OPEN')).toEqual(['OPEN', 'IN_PROGRESS', 'CLOSED']);
    expect(itemStatusChoices('COMPLETED')).toEqual(['COMPLETED', 'IN_PROGRESS', 'CLOSED']);
    expect(itemStatusChoices('CLOSED')).toEqual(['CLOSED', 'IN_PROGRESS']);
  });

  it('offers an action its next statuses, but none that reopens it while the item is finished', () => {
    expect(actionStatusChoices('NOT_STARTED', 'IN_PROGRESS')).toEqual(['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED']);
    expect(actionStatusChoices('DONE', 'IN_PROGRESS')).toEqual(['DONE', 'IN_PROGRESS']);
    expect(actionStatusChoices('DONE', 'COMPLETED')).toEqual(['DONE']);
  });
});

describe('how learning reads', () => {
  it('says how many actions are open and overdue in words', () => {
    expect(actionSummary(0, 0)).toBe('None open');
    expect(actionSummary(1, 0)).toBe('1 open action');
    expect(actionSummary(3, 2)).toBe('3 open actions, 2 overdue');
  });

  it('leaves unwritten sections out of the briefing, in the order of the PDF', () => {
    expect(briefingSections({ background: 'B', whyItMatters: ' ', findings: 'F', whatToDo: 'D' }).map((section) => section.heading)).toEqual([
      'Background',
      'What was found',
      'What to do',
    ]);
  });

  it('writes the briefing subtitle as the PDF does', () => {
    expect(briefingSubtitle({ gapKind: 'PROCEDURE', referredToGroup: 'The working group' }, 'Dudley', '2025-03-03')).toBe(
      'Dudley · Procedure learning · Referred to The working group · 3 March 2025',
    );
    expect(briefingSubtitle({ gapKind: 'POLICY', referredToGroup: '' }, null, '2025-03-03')).toBe('Policy learning · 3 March 2025');
  });

  it('reads questions one a line', () => {
    expect(parseQuestions(' First?\n\n Second? \n')).toEqual(['First?', 'Second?']);
  });

  it('explains a stale edit, and otherwise gives the server its words without the field name', () => {
    const refusal = (code: string, message: string) => new CombinedGraphQLErrors({ errors: [{ message, extensions: { code } }] });
    expect(learningProblem(refusal('VERSION_CONFLICT', 'expectedVersion: …'))).toMatch(/^Someone else changed this/);
    expect(learningProblem(refusal('COMPLETED_ON_REQUIRED', 'completedOn: an action marked done needs the date it was done (completedOn).'))).toBe(
      'An action marked done needs the date it was done (completedOn).',
    );
  });
});

describe('has it worked?', () => {
  const count = (value: number | null) => ({ value, display: value === null ? '<5' : String(value), suppressed: value === null });
  const impact = (before: number | null, after: number | null, extra: Partial<ThemeImpact> = {}): ThemeImpact => ({
    completedOn: '2025-03-01',
    windowDays: 111,
    tooFewToTell: false,
    caveat: null,
    summary: '',
    fewestEscalations: 10,
    change: before && after !== null ? after / before - 1 : null,
    before: { from: '2024-11-10', to: '2025-03-01', perMonth: before === null ? null : (before * 30.4375) / 111, escalations: count(before) },
    after: { from: '2025-03-01', to: '2025-06-20', perMonth: after === null ? null : (after * 30.4375) / 111, escalations: count(after) },
    ...extra,
  });

  it('states the change in the monthly rate as the finding', () => {
    expect(impactFinding(impact(14, 10))).toBe('Has it worked? Escalations on the theme fell by 29%, from 3.8 to 2.7 a month');
    expect(impactFinding(impact(4, 6, { tooFewToTell: true }))).toMatch(/rose by 50%, from 1\.1 to 1\.6 a month, too few to tell$/);
  });

  it('gives counts, not rates, when a count is suppressed, and says when it is too soon', () => {
    expect(impactFinding(impact(null, 12))).toBe('Has it worked? <5 escalations on the theme before completion, 12 after');
    expect(impactFinding(impact(0, 0, { windowDays: 0 }))).toBe('Has it worked? Too soon to tell');
  });

  it('names a window by its first and last days', () => {
    expect(impactWindowText({ from: '2024-11-10', to: '2025-03-01' })).toBe('10 November 2024 to 28 February 2025');
  });
});
