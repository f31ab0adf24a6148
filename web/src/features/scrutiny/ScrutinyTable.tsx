import { Fragment, useState } from 'react';
import { Link } from '../../app/router';
import { formatDate, formatDateTime } from '../../lib/format';
import { STATUS_LABELS } from '../escalations/escalation-labels';
import { REQUIREMENT_LABELS, type GqlRequirement } from '../protocols/labels';
import { actionLabel, requirementAnswer } from './requirement-labels';
import type { ScrutinyEscalation } from './scrutiny.graphql';

const CHECKED: readonly GqlRequirement[] = ['WRITTEN_CONFIRMATION', 'FEEDBACK_TO_RAISER', 'NOTIFICATION_FORM', 'INDEPENDENT_FACILITATION'];
const COLUMNS = 8 + CHECKED.length;

/** One row per escalation, the four requirements ticked or not in words, and its audit trail opened beneath on request. */
export function ScrutinyTable({ escalations, caption }: { readonly escalations: readonly ScrutinyEscalation[]; readonly caption: string }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setOpen((current) => {
    const next = new Set(current);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  return (
    <div className="table-wrapper" tabIndex={0} role="region" aria-label={caption}>
      <table className="table table--data scrutiny-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Escalation</th>
            <th scope="col">Raised</th>
            <th scope="col">Tiers reached</th>
            <th scope="col">Status</th>
            <th scope="col">Outcome</th>
            <th scope="col">Resolved</th>
            {CHECKED.map((requirement) => (
              <th key={requirement} scope="col">
                {REQUIREMENT_LABELS[requirement]}
              </th>
            ))}
            <th scope="col">Timescales</th>
            <th scope="col">Audit trail</th>
          </tr>
        </thead>
        <tbody>
          {escalations.map((escalation) => {
            const expanded = open.has(escalation.id);
            const trailId = `audit-trail-${escalation.id}`;
            return (
              <Fragment key={escalation.id}>
                <tr>
                  <th scope="row">
                    <Link to={`/escalations/${encodeURIComponent(escalation.id)}`}>{escalation.reference}</Link>
                  </th>
                  <td className="nowrap">{formatDate(escalation.raisedAt)}</td>
                  <td>{escalation.tiersReached.join(', ')}</td>
                  <td>{STATUS_LABELS[escalation.status]}</td>
                  <td className="scrutiny-table__outcome">{escalation.outcome ?? <span className="muted">None recorded</span>}</td>
                  <td className="nowrap">{escalation.resolvedAt ? formatDate(escalation.resolvedAt) : <span className="muted">Not resolved</span>}</td>
                  {CHECKED.map((requirement) => {
                    const answer = requirementAnswer(escalation.requirements.find((check) => check.requirement === requirement));
                    return (
                      <td key={requirement} className={`requirement requirement--${answer.tone}`}>
                        <span className="requirement__mark" aria-hidden="true">
                          {answer.mark}
                        </span>
                        {answer.text}
                      </td>
                    );
                  })}
                  <td>
                    {escalation.timescales.met} met, {escalation.timescales.breached} breached, {escalation.timescales.overdue} overdue
                    {escalation.timescales.pending > 0 && `, ${escalation.timescales.pending} pending`}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary scrutiny-table__toggle"
                      aria-expanded={expanded}
                      aria-controls={trailId}
                      onClick={() => toggle(escalation.id)}
                    >
                      {expanded ? 'Hide' : 'Show'} {escalation.auditEvents.length} {escalation.auditEvents.length === 1 ? 'event' : 'events'}
                      <span className="visually-hidden"> of {escalation.reference}</span>
                    </button>
                  </td>
                </tr>
                <tr id={trailId} hidden={!expanded} className="scrutiny-table__trail">
                  <td colSpan={COLUMNS}>
                    {expanded && escalation.auditEvents.length === 0 && <p className="audit-trail-empty">No event of this escalation is in the audit trail.</p>}
                    {expanded && escalation.auditEvents.length > 0 && (
                      <ol className="list audit-trail-list" aria-label={`Audit trail of ${escalation.reference}, oldest first`}>
                        {escalation.auditEvents.map((event) => (
                          <li key={event.id}>
                            <span className="nowrap">{formatDateTime(event.occurredAt)}</span>: {actionLabel(event.action)}, by {event.actorLabel}
                          </li>
                        ))}
                      </ol>
                    )}
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
