import { ApiException, type ApiErrorDetails } from '../common/errors/api-exception.js';

export enum AuditErrorCode {
  /** `after` is not a cursor this API handed out. */
  INVALID_CURSOR = 'INVALID_CURSOR',
  /** `from` is not before `to`, or one of them is not a real calendar date. */
  INVALID_PERIOD = 'INVALID_PERIOD',
}

export class AuditException extends ApiException<AuditErrorCode> {
  constructor(code: AuditErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(code, message, details);
  }

  static invalidCursor(): AuditException {
    return new AuditException(
      AuditErrorCode.INVALID_CURSOR,
      'after: not a cursor of the audit trail; pass the endCursor of the page before, or leave it out for the newest events',
      { field: 'after' },
    );
  }

  static invalidPeriod(reason: string): AuditException {
    return new AuditException(AuditErrorCode.INVALID_PERIOD, `filter.from/filter.to: ${reason}`, { field: 'filter' });
  }
}
