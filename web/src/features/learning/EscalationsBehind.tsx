import { Link } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../lib/format';
import { STATUS_LABELS } from '../escalations/escalation-labels';
import type { LearningItemDetail } from './learning.graphql';

/**
 * The escalations the item was drawn from: each by reference for the record-level roles,
 * and for everyone else how many (with "<5" for 1 to 4) and the theme they share.
 */
export function EscalationsBehind({ item }: { readonly item: LearningItemDetail }) {
  const theme = (
    <p>
      They are about {item.theme.categories.map((category) => category.label.toLowerCase()).join('; ') || 'no recorded area'}, raised with{' '}
      {item.theme.receivingAgencies.map((agency) => agency.name).join(', ') || 'no agency'}.
    </p>
  );
  if (!item.escalations) {
    return (
      <>
        <p>
          Drawn from <strong>{item.escalationCount.display}</strong> {item.escalationCount.value === 1 ? 'escalation' : 'escalations'}. Which ones is
          record-level detail, shown to the business unit and independent scrutineers.
        </p>
        {theme}
      </>
    );
  }
  return (
    <>
      {theme}
      <DataTable
        caption={`The ${item.escalations.length === 1 ? 'escalation' : `${item.escalations.length} escalations`} behind this learning, oldest first`}
        hiddenCaption
        rows={item.escalations}
        rowKey={(escalation) => escalation.id}
        columns={[
          { key: 'reference', header: 'Escalation', rowHeader: true, cell: (escalation) => <Link to={`/escalations/${escalation.id}`}>{escalation.reference}</Link> },
          { key: 'raised', header: 'Raised', cell: (escalation) => formatDate(escalation.raisedAt) },
          { key: 'category', header: 'Area of disagreement', cell: (escalation) => escalation.category.label },
          { key: 'receiving', header: 'Raised with', cell: (escalation) => escalation.receivingAgency.name },
          { key: 'status', header: 'Status', cell: (escalation) => STATUS_LABELS[escalation.status] },
        ]}
      />
    </>
  );
}
