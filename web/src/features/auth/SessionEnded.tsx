import { useApolloClient } from '@apollo/client/react';

/** Shown where a page's data was refused because the session ended (idle, expired or signed out elsewhere). */
export function SessionEnded() {
  const client = useApolloClient();
  return (
    <div className="error-panel" role="alert">
      <h2 className="error-panel__title">You have been signed out</h2>
      <p>For safety, a session ends after a while without use. Sign in again to carry on.</p>
      <button type="button" className="button" onClick={() => void client.resetStore()}>
        Sign in again
      </button>
    </div>
  );
}
