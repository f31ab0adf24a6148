import { useQuery } from '@apollo/client/react';
import { Link } from '../../app/router';
import { LoadError } from '../../components/QueryStatus';
import { pluralise } from '../../lib/format';
import { isSignedOut } from '../auth/session-errors';
import { LogEntryTable } from './LogEntryTable';
import { OVERDUE_LOG_ENTRIES } from './strategic-log.graphql';
import './strategic-log.css';

/** For the overview: open strategic-log entries whose review date has passed (today's, not the filter period's). */
export function OverdueLogPanel({ partnershipId }: { readonly partnershipId: string }) {
  const { data, error, loading, refetch } = useQuery(OVERDUE_LOG_ENTRIES, { variables: { partnershipId }, fetchPolicy: 'cache-and-network' });
  const overdue = data?.overdueLogEntries;
  return (
    <section className="chart-panel" aria-labelledby="overdue-log-title">
      <h2 className="heading-m chart-panel__title" id="overdue-log-title">
        Strategic log entries past their review date
      </h2>
      <p className="chart-panel__question">Is the log actioned? Entries not yet closed whose review date has passed, as at today.</p>
      {!overdue ? (
        loading ? (
          <p className="chart-panel__placeholder" role="status">
            Loading…
          </p>
        ) : isSignedOut(error) ? null : (
          <LoadError title="The strategic log could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />
        )
      ) : overdue.count === 0 ? (
        <p className="chart-panel__empty">None: every open entry is within its review date.</p>
      ) : (
        <>
          <p>
            <strong>{pluralise(overdue.count, 'entry', 'entries')} past review date</strong>
            {overdue.count > overdue.entries.length ? `; the ${overdue.entries.length} longest overdue:` : ':'}
          </p>
          <LogEntryTable entries={overdue.entries} caption="Strategic log entries past their review date, longest overdue first" />
        </>
      )}
      <p className="chart-panel__more">
        <Link to="/strategic-log">Open the strategic log</Link>
      </p>
    </section>
  );
}
