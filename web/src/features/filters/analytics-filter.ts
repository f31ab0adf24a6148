import type { DashboardFilters, FilterUrgency } from './filters';
import type { DateRange } from './period';

/** The API's AnalyticsFilter: escalations raised in [from, to) (London dates) matching every list given. */
export interface AnalyticsFilterInput {
  readonly from: string;
  readonly to: string;
  readonly partnershipIds?: readonly string[];
  readonly raisingAgencyIds?: readonly string[];
  readonly receivingAgencyIds?: readonly string[];
  readonly categoryCodes?: readonly string[];
  readonly urgencies?: readonly FilterUrgency[];
}

/** The shared filters as the analytics API takes them; unset filters are left out (an omitted list does not filter). */
export function toAnalyticsFilter(filters: DashboardFilters, range: DateRange): AnalyticsFilterInput {
  return {
    from: range.from,
    to: range.to,
    ...(filters.partnershipId ? { partnershipIds: [filters.partnershipId] } : {}),
    ...(filters.raisingAgencyId ? { raisingAgencyIds: [filters.raisingAgencyId] } : {}),
    ...(filters.receivingAgencyId ? { receivingAgencyIds: [filters.receivingAgencyId] } : {}),
    ...(filters.categoryCode ? { categoryCodes: [filters.categoryCode] } : {}),
    ...(filters.urgency ? { urgencies: [filters.urgency] } : {}),
  };
}
