import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { PartnershipProtocol } from './PartnershipProtocol';
import { PartnershipsTable } from './PartnershipsTable';
import { PROTOCOL_LADDERS, type ProtocolLaddersData } from './protocols.graphql';

/** Every partnership and the ladder of its active Resolution and Escalation Protocol. */
export function ProtocolsPage() {
  const { data, error, loading, refetch } = useQuery(PROTOCOL_LADDERS);

  return (
    <>
      <h1 className="heading-xl">Escalation protocols</h1>
      <p className="lead">
        How each partnership expects a professional disagreement about a child to be settled: the stages it climbs,
        who is involved at each, the kinds of disagreement the protocol covers and the timescales that apply.
      </p>
      <PageBody
        data={data}
        error={error}
        loading={loading}
        onRetry={() => {
          void refetch();
        }}
      />
    </>
  );
}

interface PageBodyProps {
  readonly data: ProtocolLaddersData | undefined;
  readonly error: ErrorLike | undefined;
  readonly loading: boolean;
  readonly onRetry: () => void;
}

function PageBody({ data, error, loading, onRetry }: PageBodyProps) {
  if (loading) {
    return <LoadingMessage>Loading partnerships and their protocols…</LoadingMessage>;
  }
  if (isSignedOut(error)) {
    return <SessionEnded />;
  }
  if (error || !data) {
    return (
      <LoadError
        title="The partnerships could not be loaded"
        detail={error?.message ?? 'The server sent no data.'}
        onRetry={onRetry}
      />
    );
  }
  const { partnerships } = data;
  if (partnerships.length === 0) {
    return (
      <div className="empty-state">
        <h2 className="heading-l">No partnerships yet</h2>
        <p>
          No safeguarding partnership has been set up in Escalation Insights yet. Once one is added, the ladder of
          its protocol will appear here.
        </p>
      </div>
    );
  }
  return (
    <>
      <PartnershipsTable partnerships={partnerships} />
      {partnerships.map((partnership) => (
        <PartnershipProtocol key={partnership.id} partnership={partnership} />
      ))}
    </>
  );
}
