import { useApolloClient, useMutation } from '@apollo/client/react';
import { navigate } from '../../app/router';
import { ROLE_LABELS } from '../layout/pages';
import { SIGN_OUT, type Viewer } from './auth.graphql';

interface SignedInUserProps {
  readonly viewer: Viewer;
  /** The user's partnership by name; null for users of every partnership. */
  readonly partnershipName: string | null;
}

/** The header's account line: who is signed in, in which partnership and role, and signing out (which ends the session on the server). */
export function SignedInUser({ viewer, partnershipName }: SignedInUserProps) {
  const client = useApolloClient();
  const [signOut, { loading }] = useMutation(SIGN_OUT);
  return (
    <div className="account">
      <p className="account__who">
        <span className="visually-hidden">Signed in as </span>
        <span className="account__name">{viewer.displayName}</span>{' '}
        <span className="account__role">
          {ROLE_LABELS[viewer.role]}, {partnershipName ?? 'all partnerships'}
        </span>
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={loading}
        onClick={() => {
          void signOut()
            .catch(() => undefined)
            .then(() => {
              navigate('/', { replace: true });
              return client.resetStore();
            });
        }}
      >
        Sign out
      </button>
    </div>
  );
}
