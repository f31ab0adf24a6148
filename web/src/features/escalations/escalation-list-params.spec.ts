import { describe, expect, it } from '@jest/globals';
import { DEFAULT_FILTERS } from '../filters/filters';
import { pageBounds, parseListParams, serialiseListParams, toEscalationFilter } from './escalation-list-params';

describe("the escalation list's own parameters", () => {
  it('reads status, overdue-only and page, ignoring nonsense', () => {
    expect(parseListParams('status=open&overdue=1&page=3')).toEqual({ status: 'OPEN', overdueOnly: true, page: 3 });
    expect(parseListParams('status=lost&overdue=yes&page=-2')).toEqual({ status: null, overdueOnly: false, page: 1 });
    expect(parseListParams('status=out-of-scope').status).toBe('OUT_OF_SCOPE');
  });

  it('writes them beside the shared filters, leaving defaults out', () => {
    expect(serialiseListParams({ status: 'RESOLVED', overdueOnly: false, page: 1 }, 'period=last-quarter&page=4')).toBe('period=last-quarter&status=resolved');
    expect(serialiseListParams({ status: null, overdueOnly: true, page: 2 }, '')).toBe('overdue=1&page=2');
  });
});

describe('the API filter', () => {
  it('turns the London days of the period into instants and passes only the filters set', () => {
    expect(
      toEscalationFilter(
        { ...DEFAULT_FILTERS, urgency: 'IMMEDIATE', receivingAgencyId: '7', categoryCode: 'threshold' },
        { from: '2025-04-01', to: '2025-07-01' },
        { status: 'OPEN', overdueOnly: true, page: 1 },
        '2',
      ),
    ).toEqual({
      partnershipId: '2',
      raisedFrom: '2025-03-31T23:00:00.000Z',
      raisedTo: '2025-06-30T23:00:00.000Z',
      receivingAgencyId: '7',
      categoryCode: 'threshold',
      urgencies: ['IMMEDIATE'],
      statuses: ['OPEN'],
      overdueOnly: true,
    });
  });
});

describe('paging', () => {
  it('says which rows a page holds', () => {
    expect(pageBounds(2, 1204)).toEqual({ first: 26, last: 50, pages: 49 });
    expect(pageBounds(1, 0)).toEqual({ first: 0, last: 0, pages: 1 });
    expect(pageBounds(49, 1204)).toEqual({ first: 1201, last: 1204, pages: 49 });
  });
});
