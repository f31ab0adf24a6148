import { Link } from '../../app/router';
import { formatDate } from '../../lib/format';
import { stageLabel } from '../protocols/format';
import { URGENCY_LABELS } from '../protocols/labels';
import { STATUS_LABELS } from './escalation-labels';
import type { EscalationListItem } from './escalations.graphql';

/** One row per escalation: who raised it with whom, about what, how far it went and where it stands. */
export function EscalationTable({ items, caption }: { readonly items: readonly EscalationListItem[]; readonly caption: string }) {
  return (
    <div className="table-wrapper" tabIndex={0} role="region" aria-label={caption}>
      <table className="table escalation-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Raised: when, by and with</th>
            <th scope="col">Category</th>
            <th scope="col">Urgency</th>
            <th scope="col">Stage now (tier)</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={`/escalations/${encodeURIComponent(item.id)}`}>{item.reference}</Link>
              </th>
              <td>
                <span className="escalation-table__date">{formatDate(item.raisedAt)}</span>
                {item.raisingAgency.name}
                <span className="muted"> with </span>
                {item.receivingAgency.name}
              </td>
              <td>{item.category.label}</td>
              <td>{URGENCY_LABELS[item.urgency]}</td>
              <td className="nowrap">
                {stageLabel(item.currentStageCode)} ({item.highestTier})
              </td>
              <td>
                <span className={`tag tag--status tag--${item.status.toLowerCase().replace(/_/g, '-')}`}>{STATUS_LABELS[item.status]}</span>
                {item.isOverdue && <span className="tag tag--overdue">Overdue</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
