import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphqlContext } from '../graphql/graphql-context.js';

/** What a request's log line says about its GraphQL operation: never the query text or its variables. */
export interface GraphqlOperationLog {
  /** The operation's name as the client gave it, or null for an anonymous operation. */
  readonly name: string | null;
  /** query, mutation or subscription; null when the document could not be read. */
  readonly type: string | null;
  /** The `extensions.code` of each error in the response. */
  readonly errorCodes: string[];
}

const operations = new WeakMap<IncomingMessage, GraphqlOperationLog>();

export function graphqlOperationOf(req: IncomingMessage): GraphqlOperationLog | undefined {
  return operations.get(req);
}

/** Notes each operation's name, type and error codes on its HTTP request, for the request's log line. */
export function graphqlOperationLogPlugin(): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart({ contextValue }) {
      const req = contextValue.req;
      return {
        async willSendResponse({ operationName, operation, response, errors }) {
          const codes = (response.body.kind === 'single' ? response.body.singleResult.errors : undefined) ?? errors ?? [];
          operations.set(req, {
            name: operationName ?? null,
            type: operation?.operation ?? null,
            errorCodes: codes.map((error) => String(error.extensions?.['code'] ?? 'UNKNOWN')),
          });
        },
      };
    },
  };
}
