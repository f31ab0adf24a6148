import type { DocumentNode, ErrorLike, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { PanelState } from '../../charts/ChartPanel';
import { toAnalyticsFilter, type AnalyticsFilterInput } from '../filters/analytics-filter';
import { useFilters } from '../filters/use-filters';
import { isSignedOut } from '../auth/session-errors';
import { useDashboardContext } from '../layout/use-dashboard-context';

export interface AnalyticsResult<TData> {
  /** The answer for the filters in the URL; while new filters load, the previous answer stays on screen. */
  readonly data: TData | undefined;
  /** Whether an answer is on its way (the first one, or one for new filters). */
  readonly loading: boolean;
  readonly error: ErrorLike | undefined;
  readonly signedOut: boolean;
  readonly refetch: () => void;
  readonly filter: AnalyticsFilterInput;
}

/**
 * Runs an analytics query with the page's shared filters (as `filter`) and any variables
 * of its own. Keeps the previous answer on screen while a new one loads, so that
 * applying a filter does not blank the page.
 */
export function useAnalytics<TData, TVariables extends OperationVariables & { readonly filter: AnalyticsFilterInput }>(
  query: TypedDocumentNode<TData, TVariables> | DocumentNode,
  extra: Omit<TVariables, 'filter'>,
): AnalyticsResult<TData> {
  const { filters, range } = useFilters();
  const { viewer } = useDashboardContext();
  // A user of one partnership always names it: the API then answers with its protocol's own stages too.
  const filter = toAnalyticsFilter({ ...filters, partnershipId: filters.partnershipId ?? viewer.partnershipId }, range);
  const variables = { ...extra, filter } as unknown as TVariables;
  const result = useQuery(query as TypedDocumentNode<TData, TVariables>, { variables, notifyOnNetworkStatusChange: true });
  const data = (result.data ?? result.previousData) as TData | undefined;
  return {
    data,
    loading: result.loading,
    error: result.error,
    signedOut: isSignedOut(result.error),
    refetch: () => void result.refetch(),
    filter,
  };
}

/** A panel's state from a query's: loading until there is data, then empty or ready by `isEmpty`. */
export function panelState<TData>(result: AnalyticsResult<TData>, isEmpty: (data: TData) => boolean, emptyMessage?: string): PanelState {
  if (result.error && !result.loading) return { status: 'error', detail: result.error.message, onRetry: result.refetch };
  if (!result.data) return { status: 'loading' };
  if (isEmpty(result.data)) return emptyMessage ? { status: 'empty', message: emptyMessage } : { status: 'empty' };
  return { status: 'ready' };
}
