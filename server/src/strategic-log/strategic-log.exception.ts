import { ApiException, type ApiErrorDetails } from '../common/errors/api-exception.js';

export enum StrategicLogErrorCode {
  LOG_ENTRY_NOT_FOUND = 'LOG_ENTRY_NOT_FOUND',
  PARTNERSHIP_NOT_FOUND = 'PARTNERSHIP_NOT_FOUND',
  ESCALATION_NOT_FOUND = 'ESCALATION_NOT_FOUND',
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  UNKNOWN_CATEGORY = 'UNKNOWN_CATEGORY',
  /** No signal of the category and agency fires over the period with the N and W asked for. */
  THEME_SIGNAL_NOT_FOUND = 'THEME_SIGNAL_NOT_FOUND',
  /** An entry of the same theme is already on the log and not closed; `extensions.entryId` names it. */
  THEME_ALREADY_ON_LOG = 'THEME_ALREADY_ON_LOG',
  /** `expectedVersion` is not the entry's version: someone changed it since it was read. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** Not a real calendar date. */
  INVALID_DATE = 'INVALID_DATE',
  REVIEW_DATE_BEFORE_ADDED = 'REVIEW_DATE_BEFORE_ADDED',
  /** A completion date before the entry was added, in the future, or on an entry not actioned or closed. */
  INVALID_COMPLETION_DATE = 'INVALID_COMPLETION_DATE',
  /** A status change the log does not allow (STRATEGIC_LOG_TRANSITIONS in shared), or to the status it has. */
  STATUS_CHANGE_NOT_ALLOWED = 'STATUS_CHANGE_NOT_ALLOWED',
  /** A change that changes nothing. */
  NOTHING_TO_CHANGE = 'NOTHING_TO_CHANGE',
}

/**
 * Every refusal of the strategic-log module. The message starts with the input field at
 * fault and says why; `extensions.field` names the field too.
 */
export class StrategicLogException extends ApiException<StrategicLogErrorCode> {
  constructor(code: StrategicLogErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(code, message, details);
  }

  static invalid(code: StrategicLogErrorCode, field: string, reason: string, details: ApiErrorDetails = {}): StrategicLogException {
    return new StrategicLogException(code, `${field}: ${reason}`, { field, ...details });
  }

  static entryNotFound(partnershipId: string, id: string): StrategicLogException {
    return StrategicLogException.invalid(StrategicLogErrorCode.LOG_ENTRY_NOT_FOUND, 'id', `partnership ${partnershipId} has no strategic-log entry with id ${id}`);
  }

  static partnershipNotFound(partnershipId: string): StrategicLogException {
    return StrategicLogException.invalid(StrategicLogErrorCode.PARTNERSHIP_NOT_FOUND, 'partnershipId', `no partnership ${partnershipId} is yours to keep a log for`);
  }

  static versionConflict(expectedVersion: number, actualVersion: number): StrategicLogException {
    return new StrategicLogException(
      StrategicLogErrorCode.VERSION_CONFLICT,
      `expectedVersion: the entry is at version ${actualVersion}, not ${expectedVersion}; someone else changed it since you read it. ` +
        'Reload it and make the change again.',
      { field: 'expectedVersion', expectedVersion, actualVersion },
    );
  }

  static nothingToChange(): StrategicLogException {
    return new StrategicLogException(StrategicLogErrorCode.NOTHING_TO_CHANGE, 'input: the change leaves the entry as it is', { field: 'input' });
  }
}
