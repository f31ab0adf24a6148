import { ApiException } from './api-exception.js';

/** Codes that belong to no one feature. */
export enum CommonErrorCode {
  /** An argument failed validation; the message says which and why. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** Anything unexpected; details go to the log, never to the client in production. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export class CommonException extends ApiException<CommonErrorCode> {
  constructor(code: CommonErrorCode, message: string) {
    super(code, message);
  }
}
