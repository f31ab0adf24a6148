import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { navigate, useLocation } from '../../app/router';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { formatNumber, pluralise } from '../../lib/format';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { PageHeader } from '../layout/PageHeader';
import { AUDIT_TRAIL } from './audit.graphql';
import { auditCsvHref, parseAuditParams, serialiseAuditParams, toAuditFilter, type AuditParams } from './audit-params';
import { AuditEventTable } from './AuditEventTable';
import { AuditFilters } from './AuditFilters';
import { VerifyChain } from './VerifyChain';
import './audit.css';

const PAGE_SIZE = 50;

/** "Who changed what, and can I trust the trail?": the audit trail, for scrutineers and administrators. */
export function AuditPage() {
  const { pathname, search } = useLocation();
  const filters = parseAuditParams(search);
  const apply = (next: AuditParams) => {
    const query = serialiseAuditParams(next);
    navigate(query ? `${pathname}?${query}` : pathname);
  };
  return (
    <>
      <PageHeader
        title="Audit trail"
        lead="Every change to the records, every view of an escalation's timeline and every sign-in: who, what, to which record and when, newest first."
        filtered={false}
      />
      <VerifyChain />
      <AuditFilters filters={filters} onApply={apply} />
      <div className="audit-results">
        <AuditResults key={serialiseAuditParams(filters)} filters={filters} />
      </div>
    </>
  );
}

/** The events matching the filters, a page at a time; newer and older pages by cursor. */
function AuditResults({ filters }: { readonly filters: AuditParams }) {
  // The cursor of each page shown so far; the last is the current page's.
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, previousData, loading, error, refetch } = useQuery(AUDIT_TRAIL, {
    variables: { filter: toAuditFilter(filters), first: PAGE_SIZE, after },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const shown = (data ?? previousData)?.auditTrail;

  if (loading && !shown) return <LoadingMessage>Loading the audit trail…</LoadingMessage>;
  if (isSignedOut(error)) return <SessionEnded />;
  if (error || !shown) {
    return <LoadError title="The audit trail could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />;
  }
  if (shown.totalCount === 0) {
    return (
      <div className="empty-state">
        <h2 className="heading-m">No events match these filters</h2>
        <p>Try a longer period, or clear some of the filters.</p>
      </div>
    );
  }
  const page = cursors.length;
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = first + shown.events.length - 1;
  return (
    <>
      <p className="result-count" role="status" aria-busy={loading}>
        <strong>{pluralise(shown.totalCount, 'event')}</strong>
        {shown.totalCount > shown.events.length && ` · showing ${formatNumber(first)} to ${formatNumber(last)}, newest first`}
        {loading && ' · updating…'}
      </p>
      <p>
        <a href={auditCsvHref(filters)} download>
          Download {shown.totalCount === 1 ? 'this event' : `these ${formatNumber(shown.totalCount)} events`} (CSV)
        </a>
      </p>
      <AuditEventTable events={shown.events} caption={`Audit events ${formatNumber(first)} to ${formatNumber(last)} of ${formatNumber(shown.totalCount)}, newest first`} />
      {(page > 1 || shown.hasNextPage) && (
        <nav className="pagination" aria-label="Pages of the audit trail">
          {page > 1 && (
            <button type="button" className="button button--secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
              <span aria-hidden="true">← </span>Newer events
            </button>
          )}
          {shown.hasNextPage && shown.endCursor && (
            <button type="button" className="button button--secondary" onClick={() => setCursors([...cursors, shown.endCursor])}>
              Older events<span aria-hidden="true"> →</span>
            </button>
          )}
        </nav>
      )}
    </>
  );
}
