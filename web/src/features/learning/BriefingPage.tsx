import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from '../../app/router';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { londonIsoDate } from '../../lib/dates';
import { formatDate } from '../../lib/format';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { LEARNING_ITEM } from './learning.graphql';
import { briefingPdfHref, briefingSections, briefingSubtitle } from './learning-text';
import './learning.css';

/**
 * A learning item's 7-minute briefing as a page to read on screen or print: on paper only
 * the briefing itself (no navigation, header or buttons), sized for one A4 page. The same
 * text as the PDF download, with nothing about any one escalation.
 */
export function BriefingPage({ params }: { readonly params: Record<string, string> }) {
  const { viewer, partnerships } = useDashboardContext();
  const { data, error, loading, refetch } = useQuery(LEARNING_ITEM, {
    variables: { partnershipId: viewer.partnershipId ?? '', id: params['id'] ?? '', recordLevel: false },
    skip: !viewer.partnershipId,
  });

  if (loading && !data) return <LoadingMessage>Loading the briefing…</LoadingMessage>;
  if (isSignedOut(error)) return <SessionEnded />;
  if (!data) {
    const notFound = CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.['code'] === 'LEARNING_ITEM_NOT_FOUND');
    return (
      <>
        <p className="back-link">
          <Link to="/learning">Back to learning</Link>
        </p>
        <h1 className="heading-xl">{notFound ? 'Briefing not found' : '7-minute briefing'}</h1>
        {notFound ? (
          <p>There is no learning item with this address in your partnership.</p>
        ) : (
          <LoadError title="The briefing could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />
        )}
      </>
    );
  }

  const item = data.learningItem;
  const partnershipName = partnerships.find((partnership) => partnership.id === item.partnershipId)?.name ?? null;
  const today = londonIsoDate(new Date());
  const sections = briefingSections(item);
  return (
    <>
      <div className="briefing-tools">
        <Link to={`/learning/${item.id}`}>Back to the learning item</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          Print this briefing
        </button>
        <a href={briefingPdfHref(item)} download>
          Download as PDF
        </a>
      </div>
      <article className="briefing" aria-labelledby="briefing-title">
        <p className="briefing__kicker">7-minute briefing</p>
        <h1 className="heading-xl" id="briefing-title">
          {item.title}
        </h1>
        <p className="briefing__subtitle">{briefingSubtitle(item, partnershipName, today)}</p>
        {sections.length === 0 && item.questions.length === 0 && <p>Nothing has been written for this briefing yet.</p>}
        {sections.map((section) => (
          <section key={section.heading} aria-label={section.heading}>
            <h2 className="heading-m">{section.heading}</h2>
            <p className="briefing__text">{section.text}</p>
          </section>
        ))}
        {item.questions.length > 0 && (
          <section aria-label="Questions to consider">
            <h2 className="heading-m">Questions to consider</h2>
            <ul className="list list--bullet">
              {item.questions.map((question, index) => (
                <li key={index}>{question}</li>
              ))}
            </ul>
          </section>
        )}
        <p className="briefing__footnote">
          Learning from professional disagreements escalated under {partnershipName ?? 'the partnership'}’s resolution and escalation protocol.
          Produced with Escalation Insights on {formatDate(today)}; share it with your team and talk it through.
        </p>
      </article>
    </>
  );
}
