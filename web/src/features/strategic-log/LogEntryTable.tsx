import { Link } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../lib/format';
import { StatusTag } from './StatusTag';
import type { LogEntrySummary } from './strategic-log.graphql';
import { reviewDateText } from './strategic-log-text';

/** Entries of the log as a table: each title opens the entry; an overdue review date says so in words and is marked. */
export function LogEntryTable({ entries, caption }: { readonly entries: readonly LogEntrySummary[]; readonly caption: string }) {
  return (
    <DataTable
      caption={caption}
      hiddenCaption
      className="log-table"
      rows={entries}
      rowKey={(entry) => entry.id}
      columns={[
        { key: 'title', header: 'Entry', rowHeader: true, cell: (entry) => <Link to={`/strategic-log/${entry.id}`}>{entry.title}</Link> },
        { key: 'status', header: 'Status', cell: (entry) => <StatusTag status={entry.status} /> },
        { key: 'owner', header: 'Owner', cell: (entry) => entry.owner || <span className="muted">Not named</span> },
        { key: 'added', header: 'Added', cell: (entry) => <span className="nowrap">{formatDate(entry.addedOn)}</span> },
        {
          key: 'review',
          header: 'Review date',
          cell: (entry) => (entry.isOverdue ? <strong className="log-overdue">{reviewDateText(entry)}</strong> : reviewDateText(entry)),
        },
        { key: 'linked', header: 'Escalations linked (count)', numeric: true, cell: (entry) => entry.linkedEscalationCount.display },
      ]}
    />
  );
}
