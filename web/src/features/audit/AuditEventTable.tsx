import { Fragment, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import type { AuditEventRow } from './audit.graphql';
import { actionLabel, changeRows, recordTypeLabel } from './audit-params';

const COLUMNS = 5;

/**
 * One row per event, newest first: when, who, what, to which record. Each event's
 * changes, request and hashes open in a full-width row beneath it.
 */
export function AuditEventTable({ events, caption }: { readonly events: readonly AuditEventRow[]; readonly caption: string }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    setOpen(next);
  };
  return (
    <div className="table-wrapper" tabIndex={0} role="region" aria-label={caption}>
      <table className="table audit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When (UK time)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Record</th>
            <th scope="col">Changes and hashes</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const expanded = open.has(event.id);
            const detailId = `audit-event-${event.id}`;
            return (
              <Fragment key={event.id}>
                <tr className="audit-table__event">
                  <th scope="row" className="audit-table__when">
                    {formatDateTime(event.occurredAt)}
                  </th>
                  <td className="audit-table__who">
                    {event.actorLabel}
                    {event.actorUserId && <span className="muted"> (user {event.actorUserId})</span>}
                  </td>
                  <td>{actionLabel(event.action)}</td>
                  <td>
                    {recordTypeLabel(event.entityType)}
                    {event.entityId && <span className="muted"> {event.entityId}</span>}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary audit-table__toggle"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailId : undefined}
                      onClick={() => toggle(event.id)}
                    >
                      {expanded ? 'Hide' : 'Show'} event {event.id}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr className="audit-table__detail" id={detailId}>
                    <td colSpan={COLUMNS}>
                      <EventDetail event={event} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function EventDetail({ event }: { readonly event: AuditEventRow }) {
  const rows = event.changes ? changeRows(event.changes) : [];
  return (
    <div className="audit-detail">
      {event.changesWithheld ? (
        <p>Changes withheld: they may hold record-level detail, which your role does not see.</p>
      ) : rows.length === 0 ? (
        <p>No values changed (a view or a sign-in).</p>
      ) : (
        <table className="table audit-changes">
          <caption className="visually-hidden">What event {event.id} changed</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field}>
                <th scope="row">{row.field}</th>
                <td>{row.before ?? <span className="muted">not set</span>}</td>
                <td>{row.after ?? <span className="muted">not set</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="audit-facts">
        <dt>Action code</dt>
        <dd>
          <code>{event.action}</code>
        </dd>
        <dt>Request</dt>
        <dd>
          {event.requestId ?? 'none'}
          {event.requestIp && ` from ${event.requestIp}`}
        </dd>
        <dt>Hash</dt>
        <dd>
          <code>{event.hash}</code>
        </dd>
        <dt>Previous hash</dt>
        <dd>
          {event.previousHash ? <code>{event.previousHash}</code> : 'none: the first event of its chain'}
        </dd>
      </dl>
    </div>
  );
}
