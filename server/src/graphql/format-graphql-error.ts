import { ApolloServerErrorCode, ApolloServerValidationErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { ApiException } from '../common/errors/api-exception.js';
import { CommonErrorCode, serviceUnavailable } from '../common/errors/common-error-code.js';
import { isDatabaseUnavailable } from '../database/database-unavailable.js';
import { QueryLimitErrorCode } from './query-limits.plugin.js';

/** Errors GraphQL itself raises about a request (syntax, unknown field, bad variable): safe to show as they are. */
const REQUEST_ERROR_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerValidationErrorCode.INTROSPECTION_DISABLED,
  ApolloServerValidationErrorCode.MAX_RECURSIVE_SELECTIONS_EXCEEDED,
  ...Object.values(QueryLimitErrorCode),
]);

/** Nest's HTTP exceptions (thrown by guards and pipes from libraries) by status. */
const HTTP_STATUS_CODES: Readonly<Partial<Record<number, string>>> = {
  [HttpStatus.BAD_REQUEST]: CommonErrorCode.BAD_USER_INPUT,
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
};

/**
 * The one place where errors become GraphQL errors. An `ApiException` of any module
 * shows its message and `extensions: { code, ...details }` and nothing else; GraphQL's own request
 * errors keep their code; anything else is an INTERNAL_SERVER_ERROR whose message and
 * stack trace are shown only outside production (Nest has already logged it).
 */
export function createGraphqlErrorFormatter(options: { readonly production: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // Raised outside the resolvers' interceptor (a guard, a field's loader): still "try again", not an internal error.
    const original = isDatabaseUnavailable(unwrapped) ? serviceUnavailable('database_unreachable') : unwrapped;
    const where = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (original instanceof ApiException) {
      return { message: original.message, ...where, extensions: { ...original.details, code: original.code } };
    }
    if (original instanceof HttpException) {
      const code = HTTP_STATUS_CODES[original.getStatus()];
      if (code) return { message: original.message, ...where, extensions: { code } };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      const retryAfterSeconds = formatted.extensions?.['retryAfterSeconds'];
      // In production, "Did you mean …?" would list the schema that introspection hides.
      const message = options.production ? formatted.message.replace(/ Did you mean .*$/s, '') : formatted.message;
      return { message, ...where, extensions: { code, ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}) } };
    }
    if (options.production) {
      return { message: 'Internal server error', ...where, extensions: { code: CommonErrorCode.INTERNAL_SERVER_ERROR } };
    }
    return { ...formatted, extensions: { ...formatted.extensions, code: CommonErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
