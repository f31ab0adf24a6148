import { ApiException, type ApiErrorDetails } from './api-exception.js';

/** Codes that belong to no one feature. */
export enum CommonErrorCode {
  /** An argument failed validation; the message says which and why. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** Anything unexpected; details go to the log, never to the client in production. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The database cannot be reached or the server is shutting down: nothing was changed; try again shortly (`retryAfterSeconds`). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

export class CommonException extends ApiException<CommonErrorCode> {
  constructor(code: CommonErrorCode, message: string, details?: ApiErrorDetails) {
    super(code, message, details);
  }
}

/** Seconds a client is told to wait before trying again after SERVICE_UNAVAILABLE. */
export const RETRY_AFTER_SECONDS = 5;

export type UnavailableReason = 'database_unreachable' | 'shutting_down';

const UNAVAILABLE_MESSAGES: Readonly<Record<UnavailableReason, string>> = {
  database_unreachable: 'The service is temporarily unavailable: its database cannot be reached. Try again in a moment.',
  shutting_down: 'The service is restarting: this request was not started. Try again in a moment.',
};

/** SERVICE_UNAVAILABLE, saying why and when to try again. */
export function serviceUnavailable(reason: UnavailableReason): CommonException {
  return new CommonException(CommonErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGES[reason], { retryAfterSeconds: RETRY_AFTER_SECONDS });
}
