import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { Link, navigate, useLocation } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { formatDate, formatNumber, pluralise } from '../../lib/format';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { Pagination } from '../escalations/Pagination';
import { PageHeader } from '../layout/PageHeader';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { LEARNING_LIST, type LearningListItem } from './learning.graphql';
import { actionSummary, GAP_KIND_LABELS, ITEM_STATUS_LABELS, ITEM_STATUS_PARAM } from './learning-text';
import { ItemStatusTag } from './ItemStatusTag';
import './learning.css';

const PAGE_SIZE = 25;

interface ListParams {
  readonly status: string;
  readonly overdue: boolean;
  readonly page: number;
}

function parseParams(search: string): ListParams {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1');
  return { status: status in ITEM_STATUS_PARAM ? status : '', overdue: params.get('overdue') === 'yes', page: Number.isInteger(page) && page > 0 ? page : 1 };
}

function serialiseParams(list: ListParams): string {
  const params = new URLSearchParams();
  if (list.status) params.set('status', list.status);
  if (list.overdue) params.set('overdue', 'yes');
  if (list.page > 1) params.set('page', String(list.page));
  return params.toString();
}

/** The partnership's learning items: what each is about, where it stands, and which have actions overdue. */
export function LearningPage() {
  const { viewer } = useDashboardContext();
  const { pathname, search } = useLocation();
  const list = parseParams(search);
  const status = ITEM_STATUS_PARAM[list.status];
  const { data, previousData, error, loading, refetch } = useQuery(LEARNING_LIST, {
    variables: {
      partnershipId: viewer.partnershipId ?? '',
      filter: { ...(status ? { statuses: [status] } : {}), ...(list.overdue ? { overdueOnly: true } : {}) },
      limit: PAGE_SIZE,
      offset: (list.page - 1) * PAGE_SIZE,
    },
    skip: !viewer.partnershipId,
    fetchPolicy: 'cache-and-network',
  });
  const setList = (next: ListParams) => {
    const query = serialiseParams(next);
    navigate(query ? `${pathname}?${query}` : pathname);
  };
  const shown = data ?? previousData;

  return (
    <>
      <PageHeader
        title="Learning"
        filtered={false}
        lead="Which gaps in practice, policy or procedure have escalations shown, who is acting on them, and which actions are overdue? Open an item for its actions, the escalations behind it, whether it has worked, and its 7-minute briefing."
      />
      {viewer.role === 'BUSINESS_UNIT' && (
        <p>To start a learning item, open the escalation that shows the gap and choose “Create a learning item”.</p>
      )}
      <ListFilter list={list} onApply={(next) => setList({ ...next, page: 1 })} />
      {loading && !shown ? (
        <LoadingMessage>Loading learning items…</LoadingMessage>
      ) : isSignedOut(error) ? (
        <SessionEnded />
      ) : error || !shown ? (
        <LoadError title="The learning items could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />
      ) : (
        <ListBody items={shown.learningItems.items} total={shown.learningItems.totalCount} page={list.page} filtered={Boolean(status) || list.overdue} onPage={(page) => setList({ ...list, page })} />
      )}
    </>
  );
}

/** The list's narrowing; a new URL (Back, a link) starts the form afresh from it. */
function ListFilter({ list, onApply }: { readonly list: ListParams; readonly onApply: (next: ListParams) => void }) {
  return <ListFilterForm key={`${list.status}-${list.overdue}`} list={list} onApply={onApply} />;
}

function ListFilterForm({ list, onApply }: { readonly list: ListParams; readonly onApply: (next: ListParams) => void }) {
  const id = useId();
  const [status, setStatus] = useState(list.status);
  const [overdue, setOverdue] = useState(list.overdue);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ status, overdue, page: 1 });
  };
  return (
    <form className="list-options" onSubmit={submit} aria-label="Narrow the list">
      <div className="filters__field">
        <label className="label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select id={`${id}-status`} className="select" value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">Any status</option>
          {Object.entries(ITEM_STATUS_PARAM).map(([param, value]) => (
            <option key={param} value={param}>
              {ITEM_STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox">
        <input id={`${id}-overdue`} className="checkbox__input" type="checkbox" checked={overdue} onChange={(event) => setOverdue(event.target.checked)} />
        <label className="checkbox__label" htmlFor={`${id}-overdue`}>
          Only items with overdue actions
        </label>
      </div>
      <button type="submit" className="button button--secondary">
        Update list
      </button>
    </form>
  );
}

interface ListBodyProps {
  readonly items: readonly LearningListItem[];
  readonly total: number;
  readonly page: number;
  readonly filtered: boolean;
  readonly onPage: (page: number) => void;
}

function ListBody({ items, total, page, filtered, onPage }: ListBodyProps) {
  if (total === 0) {
    return (
      <div className="empty-state">
        <h2 className="heading-m">{filtered ? 'No learning items match' : 'No learning items yet'}</h2>
        <p>
          {filtered
            ? 'Try another status, or show items whatever the state of their actions.'
            : 'Learning items are drawn from escalations: the business unit starts one from an escalation that shows a gap, and refers it to the improvement group.'}
        </p>
      </div>
    );
  }
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (page - 1) * PAGE_SIZE + 1;
  return (
    <>
      <p className="result-count" role="status">
        <strong>{pluralise(total, 'learning item')}</strong>
        {pages > 1 && ` · showing ${formatNumber(first)} to ${formatNumber(first + items.length - 1)}`}
      </p>
      <DataTable
        caption="Learning items: open and in progress first, newest first"
        rows={items}
        rowKey={(item) => item.id}
        columns={[
          { key: 'title', header: 'Learning item', rowHeader: true, cell: (item) => <Link to={`/learning/${item.id}`}>{item.title}</Link> },
          { key: 'gap', header: 'Gap in', cell: (item) => GAP_KIND_LABELS[item.gapKind] },
          { key: 'status', header: 'Status', cell: (item) => <ItemStatusTag status={item.status} /> },
          { key: 'group', header: 'Referred to', cell: (item) => item.referredToGroup || <span className="muted">Not yet referred</span> },
          { key: 'escalations', header: 'Escalations (count)', numeric: true, cell: (item) => item.escalationCount.display },
          {
            key: 'actions',
            header: 'Actions',
            cell: (item) =>
              item.overdueActionCount > 0 ? (
                <span className="learning-overdue">{actionSummary(item.openActionCount, item.overdueActionCount)}</span>
              ) : (
                actionSummary(item.openActionCount, 0)
              ),
          },
          { key: 'completed', header: 'Completed', cell: (item) => (item.completedOn ? formatDate(item.completedOn) : '—') },
        ]}
      />
      <Pagination page={page} pages={pages} onPage={onPage} />
    </>
  );
}
