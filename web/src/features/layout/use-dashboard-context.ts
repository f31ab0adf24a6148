import { useQuery } from '@apollo/client/react';
import { createContext, useContext } from 'react';
import type { Viewer } from '../auth/auth.graphql';
import { DASHBOARD_CONTEXT, type ContextAgency, type ContextPartnership } from './dashboard-context.graphql';

/** The signed-in user and the reference data every page labels its figures with. */
export interface DashboardContextValue {
  readonly viewer: Viewer;
  readonly partnerships: readonly ContextPartnership[];
}

export const DashboardContext = createContext<DashboardContextValue | null>(null);

export function useDashboardContext(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboardContext is used outside the signed-in app');
  return value;
}

export function useDashboardContextQuery() {
  return useQuery(DASHBOARD_CONTEXT);
}

export type DashboardContextQuery = ReturnType<typeof useDashboardContextQuery>;

/** The partnerships a filter selection covers: the chosen one, or every one the user sees. */
export function partnershipsInView(partnerships: readonly ContextPartnership[], partnershipId: string | null): readonly ContextPartnership[] {
  if (partnershipId === null) return partnerships;
  const chosen = partnerships.filter((partnership) => partnership.id === partnershipId);
  return chosen.length > 0 ? chosen : partnerships;
}

/** Every agency of the partnerships in view, by id. */
export function agencyNames(partnerships: readonly ContextPartnership[]): ReadonlyMap<string, string> {
  return new Map(partnerships.flatMap((partnership) => partnership.agencies.map((agency: ContextAgency) => [agency.id, agency.name] as const)));
}

/** Category labels by code across the partnerships in view (codes are shared where protocols share a category). */
export function categoryLabels(partnerships: readonly ContextPartnership[]): ReadonlyMap<string, string> {
  return new Map(
    partnerships.flatMap((partnership) => (partnership.activeProtocol?.categories ?? []).map((category) => [category.code, category.label] as const)),
  );
}
