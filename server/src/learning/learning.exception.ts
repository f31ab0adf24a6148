import type { LearningViolation } from '@escalation-insights/shared';
import { ApiException, type ApiErrorDetails } from '../common/errors/api-exception.js';

export enum LearningErrorCode {
  LEARNING_ITEM_NOT_FOUND = 'LEARNING_ITEM_NOT_FOUND',
  LEARNING_ACTION_NOT_FOUND = 'LEARNING_ACTION_NOT_FOUND',
  /** An escalation id that is not one of the partnership's escalations. */
  ESCALATION_NOT_FOUND = 'ESCALATION_NOT_FOUND',
  ESCALATION_ALREADY_LINKED = 'ESCALATION_ALREADY_LINKED',
  ESCALATION_NOT_LINKED = 'ESCALATION_NOT_LINKED',
  /** Unlinking every escalation: learning is always drawn from at least one. */
  LAST_ESCALATION = 'LAST_ESCALATION',
  /** `expectedVersion` is not the current version: someone changed it since it was read. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** An edit that changes nothing. */
  NOTHING_TO_CHANGE = 'NOTHING_TO_CHANGE',
  // The rules of shared/lifecycle/learning-transitions, one code each.
  STATUS_CHANGE_NOT_ALLOWED = 'STATUS_CHANGE_NOT_ALLOWED',
  COMPLETED_ON_REQUIRED = 'COMPLETED_ON_REQUIRED',
  COMPLETED_ON_NOT_ALLOWED = 'COMPLETED_ON_NOT_ALLOWED',
  DATE_IN_FUTURE = 'DATE_IN_FUTURE',
  ACTIONS_STILL_OPEN = 'ACTIONS_STILL_OPEN',
  LEARNING_ITEM_FINISHED = 'LEARNING_ITEM_FINISHED',
}

/**
 * Every refusal of the learning module. The message starts with the input field at fault
 * and says why; `extensions.field` names the field too.
 */
export class LearningException extends ApiException<LearningErrorCode> {
  constructor(code: LearningErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(code, message, details);
  }

  static invalid(code: LearningErrorCode, field: string, reason: string, details: ApiErrorDetails = {}): LearningException {
    return new LearningException(code, `${field}: ${reason}`, { ...details, field });
  }

  static itemNotFound(partnershipId: string, id: string, field = 'id'): LearningException {
    return LearningException.invalid(LearningErrorCode.LEARNING_ITEM_NOT_FOUND, field, `partnership ${partnershipId} has no learning item with id ${id}`);
  }

  static actionNotFound(partnershipId: string, id: string): LearningException {
    return LearningException.invalid(LearningErrorCode.LEARNING_ACTION_NOT_FOUND, 'id', `partnership ${partnershipId} has no learning action with id ${id}`);
  }

  static versionConflict(what: 'learning item' | 'action', expectedVersion: number, actualVersion: number): LearningException {
    return LearningException.invalid(
      LearningErrorCode.VERSION_CONFLICT,
      'expectedVersion',
      `the ${what} is at version ${actualVersion}, not ${expectedVersion}; someone else changed it since you opened it. Reload it and make your change again.`,
      { expectedVersion, actualVersion },
    );
  }

  static nothingToChange(what: string): LearningException {
    return new LearningException(LearningErrorCode.NOTHING_TO_CHANGE, `The change leaves the ${what} as it is.`);
  }

  /** A rule of shared/lifecycle/learning-transitions broken. */
  static violation(violation: LearningViolation): LearningException {
    return new LearningException(LearningErrorCode[violation.code], `${violation.field}: ${violation.message}`, { field: violation.field });
  }
}
