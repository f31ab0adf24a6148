import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';

type GraphQLResponseBody = GraphQLResponse['body'];
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Clock } from '../common/clock/clock.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';
import type { AnswerCache } from './answer-cache.js';

/** The analytics queries: read-only, answered from the data the cache hears about, guarded per role at the root only. */
const ANALYTICS_FIELDS: ReadonlySet<string> = new Set([
  'analyticsOverview', 'stageReach', 'breachStatistics', 'timeToResolution', 'themes', 'themeSignals', 'drift', 'silentAgencies',
]);

/**
 * Keeps whole GraphQL results of analytics queries (AnswerCache), so that a dashboard
 * asked for again is answered without running the query: the same operation, the same
 * variables, asked by someone of the same role and partnership. Nothing else is kept:
 * an operation is kept only when every field it asks at the top is an analytics query,
 * which is guarded by role alone (no field below has a resolver or a guard of its own:
 * access-matrix.ts), and only when it was answered without any error.
 *
 * Everything that comes before running an operation still happens for a kept one: the
 * session is checked, the depth and cost limits and the caller's cost budget applied.
 */
export function answerCachePlugin(cache: AnswerCache, clock: Clock): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      let keep: ((value: Promise<GraphQLResponseBody>) => void) | null = null;
      return {
        async responseForOperation(request) {
          const key = keyOf(request);
          if (key === null) return null;
          const lookup = await cache.lookup<GraphQLResponseBody>(key.text, key.partnership, clock.now());
          if (lookup === null) return null;
          if (!lookup.found) {
            keep = lookup.keep;
            return null;
          }
          return { http: request.response.http, body: await lookup.value };
        },
        async willSendResponse({ response, errors }) {
          if (!keep) return;
          const body = response.body;
          if (errors?.length || body.kind !== 'single' || body.singleResult.errors?.length || !body.singleResult.data) return;
          keep(Promise.resolve(body));
        },
      };
    },
  };
}

function keyOf(request: GraphQLRequestContext<GraphqlContext>): { text: string; partnership: string } | null {
  const { actor } = request.contextValue;
  if (actor.kind !== 'user' || actor.role === null || actor.partnershipId === null) return null;
  if (!request.operation || !onlyAnalytics(request.operation)) return null;
  return {
    text: JSON.stringify(['graphql', request.queryHash ?? request.source, request.operationName ?? null, request.request.variables ?? {}, actor.role, actor.partnershipId]),
    partnership: actor.partnershipId,
  };
}

function onlyAnalytics(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query' || operation.selectionSet.selections.length === 0) return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (ANALYTICS_FIELDS.has(selection.name.value) || selection.name.value === '__typename'),
  );
}
