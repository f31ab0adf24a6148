import type { ErrorLike } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link, navigate } from '../../app/router';
import { RAISE_LOG_ENTRY, type RaiseLogEntryInput } from './strategic-log.graphql';
import { logProblem } from './strategic-log-text';
import './strategic-log.css';

/** "Add to strategic log" for one theme signal (business unit): raises the entry with the signal's escalations, then opens it. */
export function AddToLogButton({ signal, themeName }: { readonly signal: RaiseLogEntryInput; readonly themeName: string }) {
  const [raise, { loading }] = useMutation(RAISE_LOG_ENTRY);
  const [error, setError] = useState<ErrorLike | undefined>();
  const add = async () => {
    setError(undefined);
    try {
      const result = await raise({ variables: { input: signal } });
      const id = result.data?.raiseLogEntryFromThemeSignal.id;
      if (id) navigate(`/strategic-log/${id}`);
    } catch (caught) {
      setError(caught as ErrorLike);
    }
  };
  const problem = error ? logProblem(error) : null;
  return (
    <div className="add-to-log">
      <button type="button" className="button button--secondary" disabled={loading} onClick={() => void add()}>
        {loading ? 'Adding…' : 'Add to strategic log'}
        <span className="visually-hidden"> for {themeName}</span>
      </button>
      <div role="alert">
        {problem && (
          <p className="add-to-log__problem">
            {problem.message}
            {problem.entryId && (
              <>
                {' '}
                <Link to={`/strategic-log/${problem.entryId}`}>Open its entry</Link>
              </>
            )}
          </p>
        )}
      </div>
    </div>
  );
}
