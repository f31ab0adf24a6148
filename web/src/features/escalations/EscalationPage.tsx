import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link } from '../../app/router';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { formatDateTime } from '../../lib/format';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { URGENCY_LABELS } from '../protocols/labels';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { EscalationLearning } from '../learning/EscalationLearning';
import { NamedPeople } from '../reminders/NamedPeople';
import { RAISED_VIA_LABELS, STATUS_LABELS } from './escalation-labels';
import { ESCALATION_TIMELINE, type EscalationDetail } from './escalations.graphql';
import { EscalationTimeline } from './EscalationTimeline';
import { TimescaleTable } from './TimescaleTable';

/** One escalation as a scrutineer reads it: the facts, the journey up the ladder, and every timescale. */
export function EscalationPage({ params }: { readonly params: Record<string, string> }) {
  const { viewer } = useDashboardContext();
  const { data, error, loading, refetch } = useQuery(ESCALATION_TIMELINE, {
    variables: { id: params['id'] ?? '', partnershipId: viewer.partnershipId ?? '' },
    skip: !viewer.partnershipId,
  });

  if (loading) return <LoadingMessage>Loading the escalation…</LoadingMessage>;
  if (isSignedOut(error)) return <SessionEnded />;
  if (error || !data) {
    const notFound = CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.['code'] === 'ESCALATION_NOT_FOUND');
    return (
      <>
        <BackLink />
        {notFound ? (
          <>
            <h1 className="heading-xl">Escalation not found</h1>
            <p>There is no escalation with this address in your partnership. Check the link, or find it in the list.</p>
          </>
        ) : (
          <>
            <h1 className="heading-xl">Escalation</h1>
            <LoadError title="The escalation could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />
          </>
        )}
      </>
    );
  }
  return <EscalationDetailView escalation={data.escalation} />;
}

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/escalations">Back to escalations</Link>
    </p>
  );
}

function EscalationDetailView({ escalation }: { readonly escalation: EscalationDetail }) {
  return (
    <>
      <BackLink />
      <h1 className="heading-xl">
        <span className="caption">Escalation</span> {escalation.reference}
      </h1>
      <p className="escalation-tags">
        <span className={`tag tag--status tag--${escalation.status.toLowerCase().replace(/_/g, '-')}`}>{STATUS_LABELS[escalation.status]}</span>
        {escalation.isOverdue && <span className="tag tag--overdue">Timescale overdue</span>}
      </p>
      <dl className="summary-list">
        <Row term="Raised">{formatDateTime(escalation.raisedAt)}</Row>
        <Row term="Raised by">
          {escalation.raisingRole}, {escalation.raisingAgency.name} ({RAISED_VIA_LABELS[escalation.raisedVia].toLowerCase()})
        </Row>
        <Row term="Raised with">{escalation.receivingAgency.name}</Row>
        <Row term="Category">{escalation.category.label}</Row>
        <Row term="Urgency">{URGENCY_LABELS[escalation.urgency]}</Row>
        <Row term="Summary">{escalation.summary}</Row>
        {escalation.closedAt && <Row term={`${STATUS_LABELS[escalation.status]} on`}>{formatDateTime(escalation.closedAt)}</Row>}
        {escalation.outcome && <Row term="Outcome">{escalation.outcome}</Row>}
        {escalation.status === 'RESOLVED' && (
          <>
            <Row term="Written confirmation">{yesNo(escalation.writtenConfirmationGiven)}</Row>
            <Row term="Feedback to the raiser">{yesNo(escalation.feedbackGiven)}</Row>
          </>
        )}
        <Row term="Protocol">
          {escalation.protocol.name}, version {escalation.protocol.version}
        </Row>
      </dl>
      <EscalationTimeline escalation={escalation} />
      <TimescaleTable outcomes={escalation.timescaleOutcomes} />
      <EscalationLearning escalationId={escalation.id} />
      <NamedPeople escalationId={escalation.id} named={escalation.namedPeople} />
    </>
  );
}

function yesNo(value: boolean | null): string {
  return value === null ? 'Not recorded' : value ? 'Given' : 'Not given';
}

function Row({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
