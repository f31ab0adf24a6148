import { ApiException } from '../common/errors/api-exception.js';

export enum ScrutinyErrorCode {
  /** `from` or `to` not a calendar date, or `from` not before `to`. */
  INVALID_PERIOD = 'INVALID_PERIOD',
}

export class ScrutinyException extends ApiException<ScrutinyErrorCode> {
  constructor(code: ScrutinyErrorCode, field: string, reason: string) {
    super(code, `${field}: ${reason}`, { field });
  }
}
