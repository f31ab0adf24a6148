import { describe, expect, it } from '@jest/globals';
import { actionLabel, auditCsvHref, changeRows, parseAuditParams, serialiseAuditParams, toAuditFilter, NO_AUDIT_FILTERS } from './audit-params';

describe('the audit page’s filters in the URL', () => {
  it('reads what it can use and drops the rest', () => {
    expect(parseAuditParams('?from=2025-03-01&last=2025-03-31&action=escalation.recorded&type=escalation&record=42&actor=7&partnership=3')).toEqual({
      from: '2025-03-01', last: '2025-03-31', action: 'escalation.recorded', entityType: 'escalation', entityId: '42', actorUserId: '7', partnershipId: '3',
    });
    expect(parseAuditParams('?from=2025-02-30&action=DROP%20TABLE&actor=0&record=a%20b&type=Escalation')).toEqual(NO_AUDIT_FILTERS);
  });

  it('writes only what is set, and reads back the same', () => {
    const filters = { ...NO_AUDIT_FILTERS, from: '2025-03-01', action: 'user.signed_in' };
    expect(serialiseAuditParams(filters)).toBe('from=2025-03-01&action=user.signed_in');
    expect(parseAuditParams(serialiseAuditParams(filters))).toEqual(filters);
    expect(serialiseAuditParams(NO_AUDIT_FILTERS)).toBe('');
  });

  it('turns the last day included into the API’s excluded end, and the CSV link carries the same filter', () => {
    const filters = { ...NO_AUDIT_FILTERS, from: '2025-03-01', last: '2025-03-31', actorUserId: '7' };
    expect(toAuditFilter(filters)).toEqual({ from: '2025-03-01', to: '2025-04-01', actorUserId: '7' });
    expect(auditCsvHref(filters)).toBe('/exports/audit.csv?from=2025-03-01&to=2025-04-01&actorUserId=7');
    expect(auditCsvHref(NO_AUDIT_FILTERS)).toBe('/exports/audit.csv');
  });
});

describe('an audit event as people read it', () => {
  it('names actions in words', () => {
    expect(actionLabel('escalation.timeline_viewed')).toBe('Escalation: timeline viewed');
    expect(actionLabel('user.sign_in_failed')).toBe('User: sign in failed');
    expect(actionLabel('audit_trail.exported')).toBe('Audit trail: exported');
    expect(actionLabel('test')).toBe('Test');
  });

  it('lists each changed field with its value before and after, nested values as dotted fields', () => {
    const changes = JSON.stringify({
      before: { version: 1, currentStageCode: '1' },
      after: { version: 2, currentStageCode: '2', stageEntry: { stageCode: '2', participants: ['A', 'B'] }, closedAt: null },
    });
    expect(changeRows(changes)).toEqual([
      { field: 'version', before: '1', after: '2' },
      { field: 'currentStageCode', before: '1', after: '2' },
      { field: 'stageEntry.stageCode', before: null, after: '2' },
      { field: 'stageEntry.participants', before: null, after: '["A","B"]' },
      { field: 'closedAt', before: null, after: 'null' },
    ]);
    expect(changeRows('{"before":{},"after":{}}')).toEqual([]);
    expect(changeRows('not json')).toEqual([]);
  });
});
