import { describe, expect, it } from '@jest/globals';
import { STRATEGIC_LOG_STATUSES } from '../domain/vocabulary.js';
import { checkLogStatusChange, completionAfterChange, STRATEGIC_LOG_TRANSITIONS } from './strategic-log-transitions.js';

describe('strategic log status changes', () => {
  it('refuses a change to the status the entry already has', () => {
    for (const status of STRATEGIC_LOG_STATUSES) {
      expect(checkLogStatusChange(status, status)).toEqual({ ok: false, reason: `the entry is already ${status.replace('_', ' ')}` });
    }
  });

  it('allows exactly the moves of the table and explains the others', () => {
    expect(checkLogStatusChange('open', 'under_review')).toEqual({ ok: true });
    expect(checkLogStatusChange('actioned', 'closed')).toEqual({ ok: true });
    expect(checkLogStatusChange('closed', 'under_review')).toEqual({ ok: true });
    expect(checkLogStatusChange('closed', 'open')).toEqual({
      ok: false,
      reason: 'an entry that is closed cannot become open; it may become under review',
    });
    expect(checkLogStatusChange('actioned', 'open').ok).toBe(false);
  });

  it('never lists a status as reachable from itself', () => {
    for (const [from, to] of Object.entries(STRATEGIC_LOG_TRANSITIONS)) expect(to).not.toContain(from);
  });

  it('sets the completion date on the first move into actioned or closed, and clears it on reopening', () => {
    expect(completionAfterChange('actioned', null, '2025-03-03')).toBe('2025-03-03');
    expect(completionAfterChange('closed', '2025-02-01', '2025-03-03')).toBe('2025-02-01');
    expect(completionAfterChange('under_review', '2025-02-01', '2025-03-03')).toBeNull();
    expect(completionAfterChange('open', null, '2025-03-03')).toBeNull();
  });
});
