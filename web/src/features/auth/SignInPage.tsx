import { useApolloClient, useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { SIGN_IN } from './auth.graphql';
import { signInProblem } from './session-errors';

/** Email and password; on success every query runs again as the signed-in user. */
export function SignInPage() {
  const client = useApolloClient();
  const [signIn, { loading, error }] = useMutation(SIGN_IN);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await signIn({ variables: { email, password } }).catch(() => undefined);
    if (result?.data) await client.resetStore();
  };

  return (
    <div className="sign-in">
      <h1 className="heading-xl">Sign in</h1>
      <p className="lead">Sign in with the email address and password your administrator gave you.</p>
      {error && (
        <div className="error-panel" role="alert" id={errorId}>
          <h2 className="error-panel__title">You are not signed in</h2>
          <p>{signInProblem(error)}</p>
        </div>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate aria-describedby={error ? errorId : undefined}>
        <div className="form-group">
          <label className="label" htmlFor="sign-in-email">
            Email address
          </label>
          <input
            className="input"
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="label" htmlFor="sign-in-password">
            Password
          </label>
          <input
            className="input"
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
