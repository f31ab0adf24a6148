import { useQuery } from '@apollo/client/react';
import { LoadError, LoadingMessage } from '../components/QueryStatus';
import { VIEWER } from '../features/auth/auth.graphql';
import { SignInPage } from '../features/auth/SignInPage';
import { AppFrame } from '../features/layout/AppFrame';
import { SignedInApp } from '../features/layout/SignedInApp';
import { useDashboardContextQuery } from '../features/layout/use-dashboard-context';

/** Who is signed in decides everything else: the sign-in form, or the pages their role may use. */
export function App() {
  const { data, error, loading, refetch } = useQuery(VIEWER);
  // Asked at once beside the viewer, not after it: one round trip less before the first screen.
  // Signed out, it is refused; signing in refetches it with every other query.
  const context = useDashboardContextQuery();
  const viewer = data?.me ?? null;

  if (viewer) return <SignedInApp viewer={viewer} context={context} />;
  return (
    <AppFrame title={loading || error ? 'Escalation Insights' : 'Sign in'}>
      {loading ? (
        <LoadingMessage>Loading…</LoadingMessage>
      ) : error ? (
        <LoadError title="Escalation Insights could not be reached" detail={error.message} onRetry={() => void refetch()} />
      ) : (
        <SignInPage />
      )}
    </AppFrame>
  );
}
