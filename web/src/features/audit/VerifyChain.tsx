import { useLazyQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { formatNumber } from '../../lib/format';
import { isCrossPartnership } from '../layout/pages';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { VERIFY_AUDIT_CHAIN, type ChainVerification } from './audit.graphql';

/** The chain of events outside any partnership, in the chain menu. */
const OUTSIDE = 'outside';

/**
 * "Can I trust the trail?": re-checks every event of a chain against its hash on the
 * server and says whether it is intact, or where it first breaks. Users of one
 * partnership check theirs; administrators of every partnership choose a chain.
 */
export function VerifyChain() {
  const { viewer, partnerships } = useDashboardContext();
  const id = useId();
  const cross = isCrossPartnership(viewer);
  const [chain, setChain] = useState<string>(viewer.partnershipId ?? partnerships[0]?.id ?? OUTSIDE);
  const [verify, { data, loading, error }] = useLazyQuery(VERIFY_AUDIT_CHAIN, { fetchPolicy: 'network-only' });
  /** "of Dudley Safeguarding Children Board", or "outside any partnership". */
  const scopeOf = (value: string | null) =>
    value === null ? 'outside any partnership' : `of ${partnerships.find((p) => p.id === value)?.name ?? 'this partnership'}`;

  return (
    <section className="verify-chain" aria-labelledby={`${id}-title`}>
      <h2 className="heading-m" id={`${id}-title`}>
        Can the trail be trusted?
      </h2>
      <p>
        Each event is sealed with a hash of its contents and of the event before it. Checking the chain recomputes every hash: an event changed,
        removed or slipped in afterwards breaks it from that point on.
      </p>
      <div className="verify-chain__controls">
        {cross && (
          <div className="filters__field">
            <label className="label" htmlFor={`${id}-chain`}>
              Chain to check
            </label>
            <select id={`${id}-chain`} className="select" value={chain} onChange={(event) => setChain(event.target.value)}>
              {partnerships.map((partnership) => (
                <option key={partnership.id} value={partnership.id}>
                  {partnership.name}
                </option>
              ))}
              <option value={OUTSIDE}>Outside any partnership (sign-ins of users of every partnership)</option>
            </select>
          </div>
        )}
        <button
          type="button"
          className="button"
          disabled={loading}
          onClick={() => void verify({ variables: { partnershipId: chain === OUTSIDE ? null : chain } }).catch(() => undefined)}
        >
          Verify the chain
        </button>
      </div>
      <div className="verify-chain__result" role="status" aria-live="polite">
        {loading ? (
          <p>Checking every event…</p>
        ) : error ? (
          <p className="error-panel__detail">The chain could not be checked: {error.message}</p>
        ) : data ? (
          <VerificationResult result={data.verifyAuditChain} scope={scopeOf(data.verifyAuditChain.partnershipId)} />
        ) : null}
      </div>
    </section>
  );
}

function VerificationResult({ result, scope }: { readonly result: ChainVerification; readonly scope: string }) {
  if (result.valid) {
    return (
      <p className="verify-chain__outcome verify-chain__outcome--intact">
        {result.eventsChecked === 0 ? (
          <>There are no events {scope} yet.</>
        ) : result.eventsChecked === 1 ? (
          <>
            <strong>Intact.</strong> The one event {scope} matches its hash.
          </>
        ) : (
          <>
            <strong>Intact.</strong> All {formatNumber(result.eventsChecked)} events {scope} match their hashes, and each follows the one before it.
          </>
        )}
      </p>
    );
  }
  const before = result.eventsChecked - 1;
  return (
    <div className="verify-chain__outcome verify-chain__outcome--broken">
      <p>
        <strong>Broken at event {result.firstInvalidEventId}.</strong> {result.problem}
      </p>
      <p>
        {before === 0
          ? `It is the first event ${scope}.`
          : before === 1
            ? `The one event ${scope} before it is intact.`
            : `The ${formatNumber(before)} events ${scope} before it are intact.`}{' '}
        Filter the trail by date or record to see what surrounds it, and report it to whoever runs the system.
      </p>
    </div>
  );
}
