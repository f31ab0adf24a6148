import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { execute, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Clock } from '../common/clock/clock.js';
import type { GraphqlContext } from '../graphql/graphql-context.js';
import { RequestLoaders } from '../graphql/request-loaders.js';
import { answerShareOf } from './analytics-reader.js';
import type { AnswerCache } from './answer-cache.js';
import { markKept } from './kept-results.js';

type GraphQLResponseBody = GraphQLResponse['body'];

/** The analytics queries: read-only, answered from the data the cache hears about, guarded per role at the root only. */
const ANALYTICS_FIELDS: ReadonlySet<string> = new Set([
  'analyticsOverview', 'stageReach', 'breachStatistics', 'timeToResolution', 'themes', 'themeSignals', 'drift', 'silentAgencies',
]);

/**
 * Keeps whole GraphQL results of analytics queries (AnswerCache), so that a dashboard
 * asked for again is answered without running the query: the same operation, the same
 * variables, asked in the same partnership by someone who may share the answer (keyOf).
 * A question asked again while its answer is being worked out waits for that answer.
 * Nothing else is kept:
 * an operation is kept only when every field it asks at the top is an analytics query,
 * which is guarded by role alone (no field below has a resolver or a guard of its own:
 * access-matrix.ts), and only when it was answered without any error.
 *
 * Everything that comes before running an operation still happens for a kept one: the
 * session is checked, the depth and cost limits and the caller's cost budget applied.
 */
export function answerCachePlugin(cache: AnswerCache, clock: Clock, supersededMs: number): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      let computing: Computing | null = null;
      return {
        async responseForOperation(request) {
          const key = keyOf(request);
          if (key === null) return null;
          const { actor } = request.contextValue;
          // Someone who has just written is never sent an answer their write superseded.
          const supersededUpToMs = actor.userId !== null && cache.wroteWithin(actor.userId, supersededMs) ? 0 : supersededMs;
          const lookup = await cache.lookup<GraphQLResponseBody>(key.text, key.partnership, clock.now(), { supersededUpToMs });
          if (lookup === null) return null;
          if (!lookup.found) {
            // Kept at once, as a promise: the same question asked meanwhile waits for this answer instead of working out its own.
            computing = new Computing();
            lookup.keep(computing.body);
            return null;
          }
          if (lookup.refresh) refreshInBackground(request, lookup.refresh);
          try {
            return { http: request.response.http, body: await lookup.value };
          } catch {
            return null; // the answer it waited for was not kept (an error): this request works out its own
          }
        },
        async willSendResponse({ response, errors, operation, contextValue }) {
          if (operation?.operation === 'mutation' && contextValue.actor.userId !== null) cache.noteWrite(contextValue.actor.userId);
          if (!computing) return;
          const body = response.body;
          if (errors?.length || body.kind !== 'single' || body.singleResult.errors?.length || !body.singleResult.data) {
            computing.fail();
            return;
          }
          markKept(body.singleResult.data);
          computing.done(body);
        },
      };
    },
  };
}

/**
 * Works out the answer to `request`'s operation again, as its asker, without holding up
 * the request (which is sent the answer this one will replace), and keeps it with `keep`.
 */
function refreshInBackground(request: GraphQLRequestContext<GraphqlContext>, keep: (body: Promise<GraphQLResponseBody>) => void): void {
  const computing = new Computing();
  keep(computing.body);
  const { schema, document, operationName } = request as GraphQLRequestContext<GraphqlContext> & { schema: GraphQLSchema; document: DocumentNode };
  void Promise.resolve()
    .then(() => execute({
      schema,
      document,
      operationName: operationName ?? null,
      variableValues: request.request.variables ?? {},
      contextValue: { ...request.contextValue, loaders: new RequestLoaders() },
    }))
    .then(
      (result) => {
        if (result.errors?.length || !result.data) return computing.fail();
        markKept(result.data);
        computing.done({ kind: 'single', singleResult: { data: result.data } });
      },
      () => computing.fail(),
    );
}

/** How long a request waits for an answer another is working out before it works out its own. */
const LONGEST_WAIT_MS = 60_000;

/** A GraphQL result being worked out by one request, which others asking the same question wait for. */
class Computing {
  readonly body: Promise<GraphQLResponseBody>;
  private settle!: { done(body: GraphQLResponseBody): void; fail(): void };

  constructor() {
    this.body = new Promise<GraphQLResponseBody>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('not answered in time')), LONGEST_WAIT_MS);
      timer.unref();
      this.settle = {
        done: (body) => {
          clearTimeout(timer);
          resolve(body);
        },
        fail: () => {
          clearTimeout(timer);
          reject(new Error('not kept'));
        },
      };
    });
    this.body.catch(() => undefined); // those waiting, and the cache, handle it; nobody else need
  }

  done(body: GraphQLResponseBody): void {
    this.settle.done(body);
  }

  fail(): void {
    this.settle.fail();
  }
}

/**
 * What a result is kept under: the operation and its variables, the partnership, and who
 * may share it (answerShareOf: the partnership roles that see the same rows, split by
 * small-number suppression; every other role on its own). Every role that shares a key is
 * allowed the same analytics queries (access-matrix.ts), so a kept result is never served
 * to a role the query's guard would refuse.
 */
function keyOf(request: GraphQLRequestContext<GraphqlContext>): { text: string; partnership: string } | null {
  const { actor } = request.contextValue;
  if (actor.kind !== 'user' || actor.role === null || actor.partnershipId === null) return null;
  if (!request.operation || !onlyAnalytics(request.operation)) return null;
  return {
    text: JSON.stringify([
      'graphql', request.queryHash ?? request.source, request.operationName ?? null, request.request.variables ?? {}, answerShareOf(actor.role), actor.partnershipId,
    ]),
    partnership: actor.partnershipId,
  };
}

function onlyAnalytics(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query' || operation.selectionSet.selections.length === 0) return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (ANALYTICS_FIELDS.has(selection.name.value) || selection.name.value === '__typename'),
  );
}
