import { ApiException } from '../common/errors/api-exception.js';

export enum ExportsErrorCode {
  /** An analytics export or table that does not exist; the message lists those that do. */
  UNKNOWN_TABLE = 'UNKNOWN_TABLE',
  /** `from` not before `to`, or a period the analytics refuse. */
  INVALID_PERIOD = 'INVALID_PERIOD',
}

export class ExportsException extends ApiException<ExportsErrorCode> {
  constructor(code: ExportsErrorCode, message: string) {
    super(code, message);
  }
}
