import { useQuery } from '@apollo/client/react';
import { navigate, useLocation } from '../../app/router';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { formatNumber, pluralise } from '../../lib/format';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { useFilters } from '../filters/use-filters';
import { PageHeader } from '../layout/PageHeader';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { EscalationTable } from './EscalationTable';
import { ListOptions } from './ListOptions';
import { PAGE_SIZE, pageBounds, parseListParams, serialiseListParams, toEscalationFilter, type ListParams } from './escalation-list-params';
import { ESCALATION_LIST } from './escalations.graphql';
import { Pagination } from './Pagination';

/** The escalations behind the figures, newest first: for the business unit and the scrutineer. */
export function EscalationsPage() {
  const { viewer } = useDashboardContext();
  const { filters, range } = useFilters();
  const { pathname, search } = useLocation();
  const list = parseListParams(search);
  const partnershipId = viewer.partnershipId ?? '';
  const { data, previousData, error, loading, refetch } = useQuery(ESCALATION_LIST, {
    variables: {
      filter: toEscalationFilter(filters, range, list, partnershipId),
      limit: PAGE_SIZE,
      offset: (list.page - 1) * PAGE_SIZE,
      sort: { field: 'RAISED_AT', descending: true },
    },
    skip: !viewer.partnershipId,
  });
  const setList = (next: ListParams) => {
    const query = serialiseListParams(next, search);
    navigate(query ? `${pathname}?${query}` : pathname);
  };
  const shown = data ?? previousData;

  return (
    <>
      <PageHeader
        title="Escalations"
        lead="Every escalation raised in the period, newest first. Open one to see its stages, milestones and whether each timescale was met."
      />
      <ListOptions list={list} onApply={(next) => setList({ ...next, page: 1 })} />
      {loading && !shown ? (
        <LoadingMessage>Loading escalations…</LoadingMessage>
      ) : isSignedOut(error) ? (
        <SessionEnded />
      ) : error || !shown ? (
        <LoadError title="The escalations could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />
      ) : (
        <ListBody data={shown.escalations} page={list.page} loading={loading} onPage={(page) => setList({ ...list, page })} />
      )}
    </>
  );
}

interface ListBodyProps {
  readonly data: { readonly totalCount: number; readonly items: Parameters<typeof EscalationTable>[0]['items'] };
  readonly page: number;
  readonly loading: boolean;
  readonly onPage: (page: number) => void;
}

function ListBody({ data, page, loading, onPage }: ListBodyProps) {
  const bounds = pageBounds(page, data.totalCount);
  if (data.totalCount === 0) {
    return (
      <div className="empty-state">
        <h2 className="heading-m">No escalations match these filters</h2>
        <p>Try a longer period, or clear some of the filters.</p>
      </div>
    );
  }
  return (
    <>
      <p className="result-count" role="status" aria-busy={loading}>
        <strong>{pluralise(data.totalCount, 'escalation')}</strong>
        {bounds.pages > 1 && ` · showing ${formatNumber(bounds.first)} to ${formatNumber(bounds.last)}`}
        {loading && ' · updating…'}
      </p>
      <EscalationTable items={data.items} caption={`Escalations ${formatNumber(bounds.first)} to ${formatNumber(bounds.last)} of ${formatNumber(data.totalCount)}`} />
      <Pagination page={page} pages={bounds.pages} onPage={onPage} />
    </>
  );
}
