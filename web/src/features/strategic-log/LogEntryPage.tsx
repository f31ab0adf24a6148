import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link } from '../../app/router';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { formatDate } from '../../lib/format';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { EditEntryForm, StatusChangeForm } from './EditEntryForm';
import { ExecutiveResponseForm } from './ExecutiveResponseForm';
import { HasItWorkedPanel } from './HasItWorkedPanel';
import { LinkedEscalations } from './LinkedEscalations';
import { StatusHistory } from './StatusHistory';
import { StatusTag } from './StatusTag';
import { LOG_ENTRY, type LogEntryDetail } from './strategic-log.graphql';
import { reviewDateText } from './strategic-log-text';
import { ThemeFiguresPanel } from './ThemeFiguresPanel';
import './strategic-log.css';

/** One entry of the strategic log: what it is about, what the executive said, whether the theme persists, and whether the action worked. */
export function LogEntryPage({ params }: { readonly params: Record<string, string> }) {
  const { viewer } = useDashboardContext();
  const { data, error, loading, refetch } = useQuery(LOG_ENTRY, {
    variables: { partnershipId: viewer.partnershipId ?? '', id: params['id'] ?? '', recordLevel: viewer.seesRecordLevelDetail },
    skip: !viewer.partnershipId,
    fetchPolicy: 'cache-and-network',
  });
  const entry = data?.strategicLogEntry;

  if (loading && !entry) return <LoadingMessage>Loading the entry…</LoadingMessage>;
  if (isSignedOut(error)) return <SessionEnded />;
  if (!entry) {
    const notFound = CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.['code'] === 'LOG_ENTRY_NOT_FOUND');
    return (
      <>
        <BackLink />
        <h1 className="heading-xl">{notFound ? 'Entry not found' : 'Strategic log entry'}</h1>
        {notFound ? (
          <p>There is no entry with this address in your partnership’s strategic log. Check the link, or find it in the log.</p>
        ) : (
          <LoadError title="The entry could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />
        )}
      </>
    );
  }
  const onSaved = () => refetch();
  return (
    <>
      <BackLink />
      <EntryFacts entry={entry} />
      {viewer.role === 'EXECUTIVE' && <ExecutiveResponseForm entry={entry} onSaved={onSaved} />}
      {entry.themeFigures && <ThemeFiguresPanel figures={entry.themeFigures} themeName={themeName(entry)} />}
      {entry.theme && <HasItWorkedPanel impact={entry.hasItWorked} />}
      <StatusHistory history={entry.statusHistory} />
      {entry.linkedEscalations && (
        <LinkedEscalations
          title="Linked escalations"
          caption="Escalations linked to the entry, by date raised"
          empty="No escalations are linked to this entry."
          escalations={entry.linkedEscalations}
        />
      )}
      {entry.theme && entry.themeEscalationsSinceAdded && (
        <LinkedEscalations
          title="Escalations on the theme since the entry was added"
          caption="Escalations of the theme raised since the entry was added, newest first"
          empty="None has been raised since the entry was added."
          escalations={entry.themeEscalationsSinceAdded}
          showLinked
        />
      )}
      {viewer.role === 'BUSINESS_UNIT' && (
        <>
          <EditEntryForm entry={entry} onSaved={onSaved} />
          <StatusChangeForm entry={entry} onSaved={onSaved} />
        </>
      )}
    </>
  );
}

function themeName(entry: LogEntryDetail): string {
  const parts = [entry.theme?.categoryLabel, entry.theme?.receivingAgencyName && `with ${entry.theme.receivingAgencyName}`].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'the theme';
}

function EntryFacts({ entry }: { readonly entry: LogEntryDetail }) {
  return (
    <>
      <h1 className="heading-xl">
        <span className="caption">Strategic log entry</span> {entry.title}
      </h1>
      <p className="escalation-tags">
        <StatusTag status={entry.status} />
        {entry.isOverdue && <span className="tag tag--overdue">Past its review date</span>}
      </p>
      <dl className="summary-list">
        {entry.theme && <Row term="Theme">{themeName(entry)}</Row>}
        <Row term="Description">{entry.description || <span className="muted">None</span>}</Row>
        <Row term="Added">
          {formatDate(entry.addedOn)}
          {entry.createdBy ? ` by ${entry.createdBy}` : ''}
        </Row>
        <Row term="Owner">{entry.owner || <span className="muted">Not named</span>}</Row>
        <Row term="Review date">{reviewDateText(entry)}</Row>
        <Row term="Executive response">{entry.executiveResponse || <span className="muted">None yet</span>}</Row>
        {entry.completedOn && <Row term="Completed">{formatDate(entry.completedOn)}</Row>}
        <Row term="Escalations linked">{entry.linkedEscalationCount.display}</Row>
      </dl>
    </>
  );
}

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/strategic-log">Back to the strategic log</Link>
    </p>
  );
}

function Row({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
