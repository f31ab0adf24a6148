import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from '../../app/router';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { formatNumber, pluralise } from '../../lib/format';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { Pagination } from '../escalations/Pagination';
import { PageHeader } from '../layout/PageHeader';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { LogEntryTable } from './LogEntryTable';
import { STRATEGIC_LOG, type LogStatus } from './strategic-log.graphql';
import { LOG_STATUS_LABELS, LOG_STATUSES } from './strategic-log-text';
import './strategic-log.css';

const PAGE_SIZE = 25;

interface LogListParams {
  readonly status: LogStatus | null;
  readonly overdueOnly: boolean;
  readonly page: number;
}

function readParams(params: URLSearchParams): LogListParams {
  const status = params.get('status')?.toUpperCase() as LogStatus | undefined;
  const page = Number(params.get('page'));
  return {
    status: status && LOG_STATUSES.includes(status) ? status : null,
    overdueOnly: params.get('overdue') === 'yes',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function writeParams(list: LogListParams): string {
  const params = new URLSearchParams();
  if (list.status) params.set('status', list.status.toLowerCase());
  if (list.overdueOnly) params.set('overdue', 'yes');
  if (list.page > 1) params.set('page', String(list.page));
  return params.toString();
}

/** The strategic escalation log: the themes raised to the executive, what it said, and which are past their review date. */
export function StrategicLogPage() {
  const { viewer } = useDashboardContext();
  const [params, setParams] = useSearchParams();
  const list = readParams(params);
  const { data, previousData, error, loading, refetch } = useQuery(STRATEGIC_LOG, {
    variables: {
      partnershipId: viewer.partnershipId ?? '',
      statuses: list.status ? [list.status] : null,
      overdueOnly: list.overdueOnly,
      offset: (list.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    },
    skip: !viewer.partnershipId,
    fetchPolicy: 'cache-and-network',
  });
  const shown = (data ?? previousData)?.strategicLog;
  const keeps = viewer.role === 'BUSINESS_UNIT';
  return (
    <>
      <PageHeader
        filtered={false}
        title="Strategic log"
        lead={
          keeps
            ? 'Themes raised to the partnership executive, its response, and what became of them. Add a theme from the Themes page, then keep its entry up to date here.'
            : 'Themes raised to the partnership executive, its response, and what became of them.'
        }
      />
      <LogListOptions key={`${list.status}-${list.overdueOnly}`} list={list} onApply={(next) => setParams(writeParams({ ...next, page: 1 }))} />
      {loading && !shown ? (
        <LoadingMessage>Loading the strategic log…</LoadingMessage>
      ) : isSignedOut(error) ? (
        <SessionEnded />
      ) : error || !shown ? (
        <LoadError title="The strategic log could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />
      ) : shown.totalCount === 0 ? (
        <div className="empty-state">
          <h2 className="heading-m">{list.status || list.overdueOnly ? 'No entries match' : 'The log is empty'}</h2>
          <p>{list.status || list.overdueOnly ? 'Choose another status, or show every entry.' : 'Entries appear here once the business unit adds a theme to the log.'}</p>
        </div>
      ) : (
        <>
          <p className="result-count" role="status" aria-busy={loading}>
            <strong>{pluralise(shown.totalCount, 'entry', 'entries')}</strong>
            {shown.totalCount > PAGE_SIZE && ` · showing ${formatNumber(shown.offset + 1)} to ${formatNumber(shown.offset + shown.items.length)}`}
          </p>
          <LogEntryTable entries={shown.items} caption="Entries of the strategic log, newest first" />
          <Pagination page={list.page} pages={Math.ceil(shown.totalCount / PAGE_SIZE)} onPage={(page) => setParams(writeParams({ ...list, page }))} />
        </>
      )}
    </>
  );
}

function LogListOptions({ list, onApply }: { readonly list: LogListParams; readonly onApply: (next: LogListParams) => void }) {
  const id = useId();
  const [status, setStatus] = useState<LogStatus | null>(list.status);
  const [overdueOnly, setOverdueOnly] = useState(list.overdueOnly);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ ...list, status, overdueOnly });
  };
  return (
    <form className="list-options list-options--log" aria-label="Narrow the log" onSubmit={submit}>
      <div className="filters__field">
        <label className="label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select id={`${id}-status`} className="select" value={status ?? ''} onChange={(event) => setStatus((event.target.value || null) as LogStatus | null)}>
          <option value="">Any status</option>
          {LOG_STATUSES.map((value) => (
            <option key={value} value={value}>
              {LOG_STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox">
        <input id={`${id}-overdue`} className="checkbox__input" type="checkbox" checked={overdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)} />
        <label className="checkbox__label" htmlFor={`${id}-overdue`}>
          Only those past their review date
        </label>
      </div>
      <button type="submit" className="button button--secondary">
        Update list
      </button>
    </form>
  );
}
