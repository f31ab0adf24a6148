import {
  checkLearningCompletion,
  isLearningActionOverdue,
  LEARNING_ACTION_TRANSITIONS,
  planLearningActionChange,
  planLearningItemStatus,
} from './learning-transitions.js';

const TODAY = '2025-03-10';
const open = { today: TODAY, itemStatus: 'in_progress' as const };

describe('planLearningActionChange', () => {
  it('starts a new action as not started, with no completion date', () => {
    expect(planLearningActionChange(null, {}, open)).toEqual({ ok: true, value: { status: 'not_started', completedOn: null } });
  });

  it('marks an action done on the date given, and keeps that date through a later edit', () => {
    const done = planLearningActionChange({ status: 'in_progress', completedOn: null }, { status: 'done', completedOn: '2025-03-01' }, open);
    expect(done).toEqual({ ok: true, value: { status: 'done', completedOn: '2025-03-01' } });
    expect(planLearningActionChange({ status: 'done', completedOn: '2025-03-01' }, {}, open)).toEqual(done);
  });

  it('refuses done without a completion date, and a completion date on an action that is not done', () => {
    const noDate = planLearningActionChange({ status: 'in_progress', completedOn: null }, { status: 'done' }, open);
    expect(noDate.ok ? null : noDate.violation).toMatchObject({ code: 'COMPLETED_ON_REQUIRED', field: 'completedOn' });
    const dateOnly = planLearningActionChange({ status: 'in_progress', completedOn: null }, { completedOn: '2025-03-01' }, open);
    expect(dateOnly.ok ? null : dateOnly.violation.code).toBe('COMPLETED_ON_NOT_ALLOWED');
  });

  it('takes today as a completion date but refuses tomorrow', () => {
    expect(planLearningActionChange(null, { status: 'done', completedOn: TODAY }, open).ok).toBe(true);
    const tomorrow = planLearningActionChange(null, { status: 'done', completedOn: '2025-03-11' }, open);
    expect(tomorrow.ok ? null : tomorrow.violation.code).toBe('DATE_IN_FUTURE');
  });

  it('clears the completion date when a done action is reopened', () => {
    expect(planLearningActionChange({ status: 'done', completedOn: '2025-03-01' }, { status: 'in_progress' }, open)).toEqual({
      ok: true,
      value: { status: 'in_progress', completedOn: null },
    });
  });

  it('allows exactly the listed transitions', () => {
    for (const [from, targets] of Object.entries(LEARNING_ACTION_TRANSITIONS)) {
      for (const to of ['not_started', 'in_progress', 'done', 'cancelled'] as const) {
        if (to === from) continue;
        const current = { status: from as keyof typeof LEARNING_ACTION_TRANSITIONS, completedOn: from === 'done' ? '2025-03-01' : null };
        const result = planLearningActionChange(current, { status: to, ...(to === 'done' ? { completedOn: '2025-03-02' } : {}) }, open);
        expect([from, to, result.ok]).toEqual([from, to, targets.includes(to)]);
      }
    }
  });

  it('takes no new open action, and reopens none, while the item is completed; evidence may still be added', () => {
    const completed = { today: TODAY, itemStatus: 'completed' as const };
    const added = planLearningActionChange(null, {}, completed);
    expect(added.ok ? null : added.violation).toMatchObject({ code: 'LEARNING_ITEM_FINISHED', field: 'learningItemId' });
    const reopened = planLearningActionChange({ status: 'done', completedOn: '2025-03-01' }, { status: 'in_progress' }, completed);
    expect(reopened.ok ? null : reopened.violation.code).toBe('LEARNING_ITEM_FINISHED');
    expect(planLearningActionChange({ status: 'done', completedOn: '2025-03-01' }, {}, completed).ok).toBe(true);
    expect(planLearningActionChange(null, { status: 'done', completedOn: '2025-03-01' }, completed).ok).toBe(true);
  });
});

describe('isLearningActionOverdue', () => {
  it('is overdue from the day after the due date, until done or cancelled', () => {
    expect(isLearningActionOverdue({ status: 'in_progress', dueOn: TODAY }, TODAY)).toBe(false);
    expect(isLearningActionOverdue({ status: 'in_progress', dueOn: '2025-03-09' }, TODAY)).toBe(true);
    expect(isLearningActionOverdue({ status: 'not_started', dueOn: '2024-12-31' }, TODAY)).toBe(true);
    expect(isLearningActionOverdue({ status: 'done', dueOn: '2025-03-09' }, TODAY)).toBe(false);
    expect(isLearningActionOverdue({ status: 'cancelled', dueOn: '2025-03-09' }, TODAY)).toBe(false);
    expect(isLearningActionOverdue({ status: 'not_started', dueOn: null }, TODAY)).toBe(false);
  });
});

describe('planLearningItemStatus', () => {
  it('moves an open item into progress and closes it', () => {
    expect(planLearningItemStatus({ status: 'open', completedOn: null }, 'in_progress')).toEqual({ ok: true, value: { status: 'in_progress', completedOn: null } });
    expect(planLearningItemStatus({ status: 'in_progress', completedOn: null }, 'closed').ok).toBe(true);
  });

  it('keeps the completion date when a completed item is closed, and clears it when reopened', () => {
    const completed = { status: 'completed' as const, completedOn: '2025-02-01' };
    expect(planLearningItemStatus(completed, 'closed')).toEqual({ ok: true, value: { status: 'closed', completedOn: '2025-02-01' } });
    expect(planLearningItemStatus(completed, 'in_progress')).toEqual({ ok: true, value: { status: 'in_progress', completedOn: null } });
  });

  it('refuses to complete by an ordinary edit, and to skip from closed to open', () => {
    const complete = planLearningItemStatus({ status: 'in_progress', completedOn: null }, 'completed');
    expect(complete.ok ? null : complete.violation.code).toBe('STATUS_CHANGE_NOT_ALLOWED');
    const reopen = planLearningItemStatus({ status: 'closed', completedOn: null }, 'open');
    expect(reopen.ok ? null : reopen.violation.message).toMatch(/can become in progress/);
  });
});

describe('checkLearningCompletion', () => {
  const current = { status: 'in_progress' as const, completedOn: null };

  it('completes an item whose actions are all finished, on today or earlier', () => {
    expect(checkLearningCompletion(current, TODAY, { today: TODAY, openActions: 0 })).toBeNull();
    expect(checkLearningCompletion({ status: 'completed', completedOn: '2025-01-01' }, '2025-01-15', { today: TODAY, openActions: 0 })).toBeNull();
  });

  it('refuses while actions are open, after today, or when closed', () => {
    expect(checkLearningCompletion(current, TODAY, { today: TODAY, openActions: 2 })).toMatchObject({ code: 'ACTIONS_STILL_OPEN', message: expect.stringMatching(/^2 actions are/) });
    expect(checkLearningCompletion(current, '2025-03-11', { today: TODAY, openActions: 0 })?.code).toBe('DATE_IN_FUTURE');
    expect(checkLearningCompletion({ status: 'closed', completedOn: null }, TODAY, { today: TODAY, openActions: 0 })?.code).toBe('STATUS_CHANGE_NOT_ALLOWED');
  });
});
