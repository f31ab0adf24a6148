import { useQuery } from '@apollo/client/react';
import { Link } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { formatDateTime, formatNumber } from '../../lib/format';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { stageLabel } from '../protocols/format';
import { MY_REMINDERS, type ReminderItem } from './reminders.graphql';
import './reminders.css';

/** The signed-in user's deadlines: passed first (oldest first), then those due within the next working day. */
export function RemindersPage() {
  const { viewer } = useDashboardContext();
  const { data, error, loading, refetch } = useQuery(MY_REMINDERS, { fetchPolicy: 'cache-and-network' });
  const whose =
    viewer.role === 'BUSINESS_UNIT'
      ? "every escalation of your partnership"
      : 'the escalations you are named on';

  return (
    <>
      <div className="page-header">
        <h1 className="heading-xl">Reminders</h1>
        <p className="lead">Which timescale deadlines of {whose} have passed, and which fall due within the next working day?</p>
      </div>
      {loading && !data ? (
        <LoadingMessage>Loading your reminders…</LoadingMessage>
      ) : isSignedOut(error) ? (
        <SessionEnded />
      ) : error || !data ? (
        <LoadError title="Your reminders could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />
      ) : (
        <ReminderLists reminders={data.myReminders} linkEscalations={viewer.seesRecordLevelDetail} />
      )}
    </>
  );
}

interface ReminderListsProps {
  readonly reminders: { readonly asOf: string; readonly approachingUntil: string; readonly truncated: boolean; readonly items: readonly ReminderItem[] };
  readonly linkEscalations: boolean;
}

function ReminderLists({ reminders, linkEscalations }: ReminderListsProps) {
  const passed = reminders.items.filter((item) => item.state === 'PASSED');
  const approaching = reminders.items.filter((item) => item.state === 'APPROACHING');
  if (reminders.items.length === 0) {
    return (
      <div className="empty-state">
        <h2 className="heading-l">Nothing due</h2>
        <p>
          No deadline has passed with its target still to reach, and none falls due before {formatDateTime(reminders.approachingUntil)}.
        </p>
      </div>
    );
  }
  return (
    <>
      <p>
        As at {formatDateTime(reminders.asOf)}: {formatNumber(passed.length)} passed, {formatNumber(approaching.length)} due by{' '}
        {formatDateTime(reminders.approachingUntil)}.
        {reminders.truncated && ' Only the earliest deadlines are listed.'}
      </p>
      <ReminderTable
        title="Passed"
        caption="Deadlines passed, target not yet reached, oldest first"
        empty="No deadline has passed with its target still to reach."
        items={passed}
        linkEscalations={linkEscalations}
      />
      <ReminderTable
        title="Due within the next working day"
        caption={`Deadlines due by ${formatDateTime(reminders.approachingUntil)}, earliest first`}
        empty="Nothing falls due within the next working day."
        items={approaching}
        linkEscalations={linkEscalations}
      />
    </>
  );
}

interface ReminderTableProps {
  readonly title: string;
  readonly caption: string;
  readonly empty: string;
  readonly items: readonly ReminderItem[];
  readonly linkEscalations: boolean;
}

function ReminderTable({ title, caption, empty, items, linkEscalations }: ReminderTableProps) {
  return (
    <section className="reminder-section">
      <h2 className="heading-l">{title}</h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <DataTable
          caption={caption}
          hiddenCaption
          rowKey={(item) => `${item.escalationId}-${item.ruleCode}`}
          rows={items}
          columns={[
            {
              key: 'ref',
              header: 'Escalation',
              rowHeader: true,
              cell: (item) => (linkEscalations ? <Link to={`/escalations/${encodeURIComponent(item.escalationId)}`}>{item.reference}</Link> : item.reference),
            },
            { key: 'rule', header: 'Timescale', cell: (item) => item.ruleName },
            { key: 'stage', header: 'Stage', cell: (item) => stageLabel(item.stageCode) },
            { key: 'deadline', header: 'Deadline', cell: (item) => formatDateTime(item.deadline) },
          ]}
        />
      )}
    </section>
  );
}
