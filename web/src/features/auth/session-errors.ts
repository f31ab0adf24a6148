import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';

/** Whether the API answered that nobody (or nobody any longer) is signed in. */
export function isSignedOut(error: ErrorLike | undefined): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.['code'] === 'UNAUTHENTICATED');
}

/** The server's own words for a failed sign-in; a generic sentence when the network failed. */
export function signInProblem(error: ErrorLike): string {
  return CombinedGraphQLErrors.is(error) && error.errors[0]
    ? error.errors[0].message
    : 'Signing in did not work: check your connection and try again.';
}
