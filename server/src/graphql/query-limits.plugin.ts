import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, GraphQLError, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { TokenBuckets } from '../common/rate-limit/token-bucket.js';
import type { QueryLimits } from '../config/security-config.js';
import type { GraphqlContext } from './graphql-context.js';
import { measureOperation, type OperationSize } from './query-cost.js';

export enum QueryLimitErrorCode {
  /** The selection nests deeper than the limit. */
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  /** The estimated cost is over the limit: ask for fewer fields, or smaller pages. */
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  /** The user (or address) has spent its cost budget for now; `retryAfterSeconds` says when to try again. */
  RATE_LIMITED = 'RATE_LIMITED',
}

/**
 * Refuses an operation before it runs — after parsing and validation, before any
 * resolver — when it is too deep, too costly, or over its caller's budget of cost per
 * minute (kept in memory: one server process; docs/security.md).
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<GraphqlContext> {
  const budgets = new TokenBuckets(limits.costPerMinute, 60_000);
  const sizes = new MeasuredSizes();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (!operation) return;
          const size = sizes.measure(schema, document, operation, request.variables ?? {});
          if (size.depth > limits.maxDepth) {
            throw refusal(QueryLimitErrorCode.QUERY_TOO_DEEP, `The query nests ${size.depth} fields deep; at most ${limits.maxDepth} are allowed.`, 400);
          }
          if (size.cost > limits.maxCost) {
            throw refusal(
              QueryLimitErrorCode.QUERY_TOO_COSTLY,
              `The query's estimated cost is ${size.cost}; at most ${limits.maxCost} is allowed. Ask for fewer fields or smaller pages.`,
              400,
            );
          }
          const { actor } = contextValue;
          const spent = budgets.take(actor.userId ? `user:${actor.userId}` : `ip:${actor.requestIp ?? 'unknown'}`, size.cost);
          if (!spent.allowed) {
            throw refusal(QueryLimitErrorCode.RATE_LIMITED, `Too many costly queries: try again in ${spent.retryAfterSeconds} seconds.`, 429, {
              retryAfterSeconds: spent.retryAfterSeconds,
            });
          }
        },
      };
    },
  };
}

/** Variable sets remembered per operation; beyond this its sizes are measured afresh. */
const SIZES_PER_OPERATION = 64;

/**
 * Sizes already measured, by operation and variables. Apollo parses a query text once
 * and hands every request that sends it the same document, so a dashboard asking the
 * same queries over and over is measured once per set of variables.
 */
class MeasuredSizes {
  private readonly byOperation = new WeakMap<OperationDefinitionNode, Map<string, OperationSize>>();

  measure(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>): OperationSize {
    const key = JSON.stringify(variables);
    let sizes = this.byOperation.get(operation);
    const known = sizes?.get(key);
    if (known) return known;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    const size = measureOperation(schema, operation, fragments, variables);
    if (!sizes || sizes.size >= SIZES_PER_OPERATION) {
      sizes = new Map();
      this.byOperation.set(operation, sizes);
    }
    sizes.set(key, size);
    return size;
  }
}

function refusal(code: QueryLimitErrorCode, message: string, status: number, details: Record<string, number> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code, http: { status } } });
}
