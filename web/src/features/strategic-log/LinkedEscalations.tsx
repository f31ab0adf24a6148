import { Link } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { formatDate, pluralise } from '../../lib/format';
import { STATUS_LABELS } from '../escalations/escalation-labels';
import type { GqlEscalationStatus } from '../escalations/escalations.graphql';
import type { LogEscalation } from './strategic-log.graphql';

interface LinkedEscalationsProps {
  readonly title: string;
  readonly caption: string;
  readonly empty: string;
  readonly escalations: readonly LogEscalation[];
  readonly showLinked?: boolean;
}

/** Escalations by reference, each opening its timeline (record-level roles only). */
export function LinkedEscalations({ title, caption, empty, escalations, showLinked = false }: LinkedEscalationsProps) {
  return (
    <section className="log-section" aria-label={title}>
      <h2 className="heading-m">{title}</h2>
      {escalations.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <p className="muted">{pluralise(escalations.length, 'escalation')}{escalations.length >= 200 ? ' (the first 200)' : ''}.</p>
          <DataTable
            caption={caption}
            hiddenCaption
            className="log-escalations"
            rows={escalations}
            rowKey={(escalation) => escalation.id}
            columns={[
              { key: 'reference', header: 'Reference', rowHeader: true, cell: (escalation) => <Link to={`/escalations/${escalation.id}`}>{escalation.reference}</Link> },
              { key: 'raised', header: 'Raised', cell: (escalation) => <span className="nowrap">{formatDate(escalation.raisedAt)}</span> },
              { key: 'category', header: 'Category', cell: (escalation) => escalation.categoryLabel },
              { key: 'agency', header: 'Raised with', cell: (escalation) => escalation.receivingAgencyName },
              { key: 'status', header: 'Status', cell: (escalation) => STATUS_LABELS[escalation.status as GqlEscalationStatus] ?? escalation.status },
              ...(showLinked ? [{ key: 'linked', header: 'Linked to the entry', cell: (escalation: LogEscalation) => (escalation.linked ? 'Yes' : 'No') }] : []),
            ]}
          />
        </>
      )}
    </section>
  );
}
