import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { stringifyGraphqlResult } from '../analytics/kept-results.js';
import { requestActor } from '../auth/session-user.js';
import type { ServerConfig } from '../config/server-config.js';
import { graphqlOperationLogPlugin } from '../logging/graphql-operation-log.js';
import { createGraphqlErrorFormatter } from './format-graphql-error.js';
import type { GraphqlContext } from './graphql-context.js';
import { queryLimitsPlugin } from './query-limits.plugin.js';
import { RequestLoaders } from './request-loaders.js';

export const GRAPHQL_PATH = '/graphql';

/**
 * Code-first GraphQL on Apollo Server. The schema is sorted and, outside production,
 * written to `server/schema.graphql` at start-up (the committed contract the web app
 * generates its types from; `generateSchemaSdl` prints the same text without a server).
 */
export function graphqlOptions(config: ServerConfig, extraPlugins: readonly ApolloServerPlugin<GraphqlContext>[] = []): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: GRAPHQL_PATH,
    autoSchemaFile: config.schemaFile ?? true,
    sortSchema: true,
    buildSchemaOptions: { addNewlineAtEnd: true },
    introspection: !config.production,
    graphiql: !config.production,
    includeStacktraceInErrorResponses: !config.production,
    // Errors are mapped in one place, formatGraphqlError, not by the driver's HTTP-error interceptor.
    autoTransformHttpErrors: false,
    formatError: createGraphqlErrorFormatter({ production: config.production }),
    // Field resolvers get the access guard and the actor scope too: every field with a resolver is guarded.
    fieldResolverEnhancers: ['guards', 'interceptors'],
    // No HTTP cache hints or traces are used: without these two built-in plugins, Apollo does not wrap every field's
    // resolver to time it, which is much of the cost of answering a large analytics result.
    plugins: [queryLimitsPlugin(config.queryLimits), graphqlOperationLogPlugin(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled(), ...extraPlugins],
    // Kept analytics results are written out as JSON once, not once per request that is sent them.
    stringifyResult: stringifyGraphqlResult,
    // The actor comes from the session cookie (auth/session.middleware.ts); `res` sets and clears that cookie.
    context: ({ req, res }: { req: IncomingMessage; res: ServerResponse }): GraphqlContext => ({
      req,
      res,
      loaders: new RequestLoaders(),
      actor: requestActor(req),
    }),
  };
}
