import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useSearchParams } from '../../app/router';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { formatNumber } from '../../lib/format';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { parsePeriod } from '../filters/filters';
import { describeRange, resolvePeriod, type PeriodChoice } from '../filters/period';
import { useToday } from '../filters/use-filters';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { ReviewPeriodForm } from './ReviewPeriodForm';
import { SCRUTINY_REVIEW } from './scrutiny.graphql';
import { ScrutinyTable } from './ScrutinyTable';
import './scrutiny.css';

/** The period as the URL holds it: `period=last-quarter|last-12-months|fy-YYYY`, or `from` and `to`. */
function periodQuery(choice: PeriodChoice): string {
  const params = new URLSearchParams();
  if (choice.kind === 'custom') {
    params.set('from', choice.from);
    params.set('to', choice.to);
  } else params.set('period', choice.kind === 'financial-year' ? `fy-${choice.startYear}` : choice.kind);
  return params.toString();
}

/** Every escalation of a period that reached tier 4 or 5: outcome, protocol requirements, timescales and audit trail. */
export function ScrutinyPage() {
  const { viewer } = useDashboardContext();
  const [params, setParams] = useSearchParams();
  const today = useToday();
  const search = params.toString();
  const choice = useMemo(() => parsePeriod(new URLSearchParams(search)), [search]);
  const range = resolvePeriod(choice, today);
  const partnershipId = viewer.partnershipId ?? '';
  const { data, error, loading, refetch } = useQuery(SCRUTINY_REVIEW, {
    variables: { partnershipId, ...range },
    skip: !viewer.partnershipId,
  });
  const download = `/exports/scrutiny.csv?${new URLSearchParams({ partnershipId, from: range.from, to: range.to }).toString()}`;
  const escalations = data?.scrutinyReview.escalations;

  return (
    <>
      <div className="page-header">
        <h1 className="heading-xl">Scrutiny</h1>
        <p className="lead">
          Of the escalations raised from {describeRange(range)} that reached tier 4 or 5, how did each end, did the agencies do what the
          protocol asks, and who changed what?
        </p>
        <ReviewPeriodForm key={search} choice={choice} range={range} today={today} onChoose={(next) => setParams(periodQuery(next))} />
      </div>
      {loading && !data ? (
        <LoadingMessage>Loading the escalations that reached tier 4 or 5…</LoadingMessage>
      ) : isSignedOut(error) ? (
        <SessionEnded />
      ) : error || !escalations ? (
        <LoadError title="The review could not be loaded" detail={error?.message ?? 'The server sent no data.'} onRetry={() => void refetch()} />
      ) : escalations.length === 0 ? (
        <div className="empty-state">
          <h2 className="heading-l">No escalation reached tier 4 or 5</h2>
          <p>None of the escalations raised from {describeRange(range)} went above tier 3. Choose another period to review.</p>
        </div>
      ) : (
        <>
          <h2 className="heading-l">
            {formatNumber(escalations.length)} {escalations.length === 1 ? 'escalation' : 'escalations'} reached tier 4 or 5
          </h2>
          <p>
            <a className="download-link" href={download} download>
              Download this review as CSV<span className="visually-hidden">, escalations raised from {describeRange(range)}</span>
            </a>
          </p>
          <ScrutinyTable escalations={escalations} caption={`Escalations raised from ${describeRange(range)} that reached tier 4 or 5`} />
        </>
      )}
    </>
  );
}
