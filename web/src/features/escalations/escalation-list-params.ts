import { londonStartOfDay } from '../../lib/dates';
import type { DashboardFilters } from '../filters/filters';
import type { DateRange } from '../filters/period';
import type { EscalationFilterInput, GqlEscalationStatus } from './escalations.graphql';
import { STATUS_PARAM } from './escalation-labels';

/** The list's own parameters, beside the shared filters: ?status=open&overdue=1&page=2. */
export interface ListParams {
  readonly status: GqlEscalationStatus | null;
  readonly overdueOnly: boolean;
  /** From 1. */
  readonly page: number;
}

export const PAGE_SIZE = 25;

export function parseListParams(search: string | URLSearchParams): ListParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const page = Number(params.get('page') ?? '1');
  return {
    status: STATUS_PARAM[params.get('status') ?? ''] ?? null,
    overdueOnly: params.get('overdue') === '1',
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** Writes the list's parameters into `base`, keeping the shared filters; page 1 and defaults are left out. */
export function serialiseListParams(list: ListParams, base: string | URLSearchParams): string {
  const params = new URLSearchParams(base);
  const status = Object.entries(STATUS_PARAM).find(([, value]) => value === list.status)?.[0];
  for (const name of ['status', 'overdue', 'page']) params.delete(name);
  if (status) params.set('status', status);
  if (list.overdueOnly) params.set('overdue', '1');
  if (list.page > 1) params.set('page', String(list.page));
  return params.toString();
}

/** The API's filter for the shared filters and the list's own: London days turned into instants. */
export function toEscalationFilter(filters: DashboardFilters, range: DateRange, list: ListParams, partnershipId: string): EscalationFilterInput {
  return {
    partnershipId,
    raisedFrom: londonStartOfDay(range.from),
    raisedTo: londonStartOfDay(range.to),
    ...(filters.raisingAgencyId ? { raisingAgencyId: filters.raisingAgencyId } : {}),
    ...(filters.receivingAgencyId ? { receivingAgencyId: filters.receivingAgencyId } : {}),
    ...(filters.categoryCode ? { categoryCode: filters.categoryCode } : {}),
    ...(filters.urgency ? { urgencies: [filters.urgency] } : {}),
    ...(list.status ? { statuses: [list.status] } : {}),
    ...(list.overdueOnly ? { overdueOnly: true } : {}),
  };
}

/** "Showing 26 to 50 of 1,204". */
export function pageBounds(page: number, total: number, size: number = PAGE_SIZE): { readonly first: number; readonly last: number; readonly pages: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  return { first, last: Math.min(total, page * size), pages };
}
