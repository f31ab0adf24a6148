import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from '../../app/router';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { formatDate, pluralise } from '../../lib/format';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { AddActionForm } from './ActionForms';
import { ActionList } from './ActionList';
import { EscalationsBehind } from './EscalationsBehind';
import { CompleteItemForm, EditItemForm } from './ItemForms';
import { ItemStatusTag } from './ItemStatusTag';
import { LEARNING_ITEM, type LearningItemDetail } from './learning.graphql';
import { briefingPdfHref, briefingSections, GAP_KIND_LABELS, takesNewActions } from './learning-text';
import { LearningImpactPanel } from './LearningImpactPanel';
import { SummaryRow } from './SummaryRow';
import './learning.css';

/** One learning item: what it is about, the escalations behind it, its actions, whether it has worked, and its briefing. */
export function LearningItemPage({ params }: { readonly params: Record<string, string> }) {
  const { viewer } = useDashboardContext();
  const { data, error, loading, refetch } = useQuery(LEARNING_ITEM, {
    variables: { partnershipId: viewer.partnershipId ?? '', id: params['id'] ?? '', recordLevel: viewer.seesRecordLevelDetail },
    skip: !viewer.partnershipId,
    fetchPolicy: 'cache-and-network',
  });

  if (loading && !data) return <LoadingMessage>Loading the learning item…</LoadingMessage>;
  if (isSignedOut(error)) return <SessionEnded />;
  if (!data) {
    const notFound = CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.['code'] === 'LEARNING_ITEM_NOT_FOUND');
    return (
      <>
        <BackLink />
        {notFound ? (
          <>
            <h1 className="heading-xl">Learning item not found</h1>
            <p>There is no learning item with this address in your partnership. Check the link, or find it in the list.</p>
          </>
        ) : (
          <>
            <h1 className="heading-xl">Learning item</h1>
            <LoadError title="The learning item could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />
          </>
        )}
      </>
    );
  }
  return <LearningItemView item={data.learningItem} owner={viewer.role === 'IMPROVEMENT_GROUP'} onSaved={() => refetch()} />;
}

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/learning">Back to learning</Link>
    </p>
  );
}

interface ViewProps {
  readonly item: LearningItemDetail;
  /** Whether the viewer owns learning (edits the item and its actions). */
  readonly owner: boolean;
  readonly onSaved: () => Promise<unknown>;
}

function LearningItemView({ item, owner, onSaved }: ViewProps) {
  const sections = briefingSections(item);
  return (
    <>
      <BackLink />
      <h1 className="heading-xl">
        <span className="caption">Learning item</span> {item.title}
      </h1>
      <p className="learning-tags">
        <ItemStatusTag status={item.status} />{' '}
        <span className="tag tag--status">{GAP_KIND_LABELS[item.gapKind]} gap</span>
        {item.overdueActionCount > 0 && (
          <>
            {' '}
            <span className="tag tag--overdue">{pluralise(item.overdueActionCount, 'action')} overdue</span>
          </>
        )}
      </p>
      <dl className="summary-list">
        <SummaryRow term="Referred to">{item.referredToGroup || 'Not yet referred to a group'}</SummaryRow>
        {item.description && <SummaryRow term="Description">{item.description}</SummaryRow>}
        <SummaryRow term="Recorded">{formatDate(item.createdAt)}</SummaryRow>
        {item.completedOn && <SummaryRow term="Completed">{formatDate(item.completedOn)}</SummaryRow>}
      </dl>
      <ul className="learning-links">
        <li>
          <Link to={`/learning/${item.id}/briefing`}>Open the 7-minute briefing</Link>
        </li>
        <li>
          <a href={briefingPdfHref(item)} download>
            Download the briefing (PDF)
          </a>
        </li>
      </ul>

      <section className="learning-section" aria-labelledby="learning-escalations">
        <h2 className="heading-m" id="learning-escalations">
          The escalations behind it
        </h2>
        <EscalationsBehind item={item} />
      </section>

      <section className="learning-section" aria-labelledby="learning-actions">
        <h2 className="heading-m" id="learning-actions">
          Actions
        </h2>
        <ActionList item={item} editable={owner} onSaved={onSaved} />
        {owner && takesNewActions(item.status) && <AddActionForm item={item} onSaved={onSaved} />}
      </section>

      <LearningImpactPanel item={item} />

      <section className="learning-section" aria-labelledby="learning-briefing">
        <h2 className="heading-m" id="learning-briefing">
          The briefing
        </h2>
        {sections.length === 0 && item.questions.length === 0 ? (
          <p className="empty-state">Nothing written for the briefing yet.</p>
        ) : (
          <>
            {sections.map((section) => (
              <div key={section.heading}>
                <h3 className="heading-s">{section.heading}</h3>
                <p className="learning-briefing-text">{section.text}</p>
              </div>
            ))}
            {item.questions.length > 0 && (
              <>
                <h3 className="heading-s">Questions to consider</h3>
                <ul className="list list--bullet">
                  {item.questions.map((question, index) => (
                    <li key={index}>{question}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>

      {owner && (
        <section className="learning-section" aria-labelledby="learning-keep">
          <h2 className="heading-m" id="learning-keep">
            Keep the learning up to date
          </h2>
          {item.status !== 'CLOSED' && <CompleteItemForm item={item} onSaved={onSaved} />}
          <EditItemForm item={item} onSaved={onSaved} />
        </section>
      )}
    </>
  );
}
