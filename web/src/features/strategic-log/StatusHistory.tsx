import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../lib/format';
import type { StatusChange } from './strategic-log.graphql';
import { LOG_STATUS_LABELS } from './strategic-log-text';

/** Who changed the entry's status, when, and why: oldest first. */
export function StatusHistory({ history }: { readonly history: readonly StatusChange[] }) {
  return (
    <section className="log-section" aria-labelledby="status-history-title">
      <h2 className="heading-m" id="status-history-title">
        Status history
      </h2>
      <DataTable
        caption="Status changes of the entry, oldest first"
        hiddenCaption
        rows={history}
        rowKey={(change, index) => `${change.changedAt}-${index}`}
        columns={[
          { key: 'when', header: 'When', rowHeader: true, cell: (change) => formatDateTime(change.changedAt) },
          {
            key: 'change',
            header: 'Change',
            cell: (change) => (change.fromStatus ? `${LOG_STATUS_LABELS[change.fromStatus]} to ${LOG_STATUS_LABELS[change.toStatus]}` : `Added as ${LOG_STATUS_LABELS[change.toStatus].toLowerCase()}`),
          },
          { key: 'who', header: 'By', cell: (change) => change.changedBy ?? <span className="muted">Not recorded</span> },
          { key: 'note', header: 'Note', cell: (change) => change.note || <span className="muted">None</span> },
        ]}
      />
    </section>
  );
}
