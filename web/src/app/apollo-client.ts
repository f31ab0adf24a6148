import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * The API is served from the same origin as the app: by the server itself in
 * production, and through Vite's proxy in development (see vite.config.ts).
 */
export const GRAPHQL_PATH = '/graphql';

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: GRAPHQL_PATH }),
    // Stages, categories and rules have no id of their own; they are stored inside
    // their protocol, which is normalised by its id.
    cache: new InMemoryCache(),
  });
}
