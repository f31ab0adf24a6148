import { useMemo } from 'react';
import { navigate, useLocation } from '../../app/router';
import { londonIsoDate } from '../../lib/dates';
import { isCrossPartnership } from '../layout/pages';
import { partnershipsInView, useDashboardContext } from '../layout/use-dashboard-context';
import { parseFilters, serialiseFilters, type DashboardFilters } from './filters';
import { resolvePeriod, type DateRange } from './period';

export interface FilterState {
  /** The filters as the URL holds them, less any the user may not use or that name nothing they can see. */
  readonly filters: DashboardFilters;
  /** The period's dates as at today. */
  readonly range: DateRange;
  /** Today in Europe/London, YYYY-MM-DD. */
  readonly today: string;
  /** Writes new filters into the URL (a new history entry), keeping the page's own parameters. */
  readonly setFilters: (next: DashboardFilters) => void;
  /** A link to `pathname` with the same filters (for links between pages). */
  readonly hrefWithFilters: (pathname: string, extra?: Record<string, string>) => string;
}

/** Today in London; the clock is read once per render, which is all a date needs. */
export function useToday(): string {
  return londonIsoDate(new Date());
}

/** The shared filters of the current URL, checked against what the signed-in user can see. */
export function useFilters(): FilterState {
  const { pathname, search } = useLocation();
  const { viewer, partnerships } = useDashboardContext();
  const today = useToday();

  const filters = useMemo(() => {
    const parsed = parseFilters(search);
    const partnershipId =
      isCrossPartnership(viewer) && partnerships.some((partnership) => partnership.id === parsed.partnershipId) ? parsed.partnershipId : null;
    const inView = partnershipsInView(partnerships, partnershipId);
    // Agencies belong to one partnership: with several in view, an agency filter would be ambiguous.
    const agencies = inView.length === 1 ? new Set(inView[0]!.agencies.map((agency) => agency.id)) : new Set<string>();
    const categories = new Set(inView.flatMap((partnership) => partnership.activeProtocol?.categories.map((category) => category.code) ?? []));
    return {
      ...parsed,
      partnershipId,
      raisingAgencyId: parsed.raisingAgencyId !== null && agencies.has(parsed.raisingAgencyId) ? parsed.raisingAgencyId : null,
      receivingAgencyId: parsed.receivingAgencyId !== null && agencies.has(parsed.receivingAgencyId) ? parsed.receivingAgencyId : null,
      categoryCode: parsed.categoryCode !== null && categories.has(parsed.categoryCode) ? parsed.categoryCode : null,
    } satisfies DashboardFilters;
  }, [search, viewer, partnerships]);

  const range = useMemo(() => resolvePeriod(filters.period, today), [filters.period, today]);

  return {
    filters,
    range,
    today,
    setFilters: (next) => {
      const query = serialiseFilters(next, search);
      navigate(query ? `${pathname}?${query}` : pathname);
    },
    hrefWithFilters: (target, extra = {}) => {
      const params = new URLSearchParams(serialiseFilters(filters));
      for (const [name, value] of Object.entries(extra)) params.set(name, value);
      const query = params.toString();
      return query ? `${target}?${query}` : target;
    },
  };
}
