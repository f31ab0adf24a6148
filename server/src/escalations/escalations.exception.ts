import type { LifecycleViolation } from '@escalation-insights/shared';
import { ApiException, type ApiErrorDetails } from '../common/errors/api-exception.js';

export enum EscalationsErrorCode {
  ESCALATION_NOT_FOUND = 'ESCALATION_NOT_FOUND',
  STAGE_ENTRY_NOT_FOUND = 'STAGE_ENTRY_NOT_FOUND',
  MILESTONE_NOT_FOUND = 'MILESTONE_NOT_FOUND',
  /** `expectedVersion` is not the escalation's version: someone changed it since it was read. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  NO_ACTIVE_PROTOCOL = 'NO_ACTIVE_PROTOCOL',
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  AGENCY_INACTIVE = 'AGENCY_INACTIVE',
  UNKNOWN_CATEGORY = 'UNKNOWN_CATEGORY',
  REFERENCE_TAKEN = 'REFERENCE_TAKEN',
  // The journey rules of shared/lifecycle, one code each.
  UNKNOWN_STAGE = 'UNKNOWN_STAGE',
  STAGE_NOT_AHEAD = 'STAGE_NOT_AHEAD',
  SKIP_NOT_ALLOWED = 'SKIP_NOT_ALLOWED',
  TIME_BEFORE_PREVIOUS_EVENT = 'TIME_BEFORE_PREVIOUS_EVENT',
  TIME_IN_FUTURE = 'TIME_IN_FUTURE',
  ESCALATION_CLOSED = 'ESCALATION_CLOSED',
  STAGE_NOT_REACHED = 'STAGE_NOT_REACHED',
  /** Resolving "at" a stage other than the one the escalation is in. */
  STAGE_NOT_CURRENT = 'STAGE_NOT_CURRENT',
  /** A time before the working calendar starts (timescales cannot be computed). */
  TIME_OUTSIDE_CALENDAR = 'TIME_OUTSIDE_CALENDAR',
  /** A correction that changes nothing. */
  NOTHING_TO_CORRECT = 'NOTHING_TO_CORRECT',
  /** A correction of a field the escalation's status does not have (e.g. closedAt while open). */
  NOT_APPLICABLE_TO_STATUS = 'NOT_APPLICABLE_TO_STATUS',
}

/**
 * Every refusal of the escalations module. The message starts with the input field at
 * fault and says why; `extensions.field` names the field too.
 */
export class EscalationsException extends ApiException<EscalationsErrorCode> {
  constructor(code: EscalationsErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(code, message, details);
  }

  static invalid(code: EscalationsErrorCode, field: string, reason: string): EscalationsException {
    return new EscalationsException(code, `${field}: ${reason}`, { field });
  }

  static notFound(partnershipId: string, escalationId: string): EscalationsException {
    return EscalationsException.invalid(
      EscalationsErrorCode.ESCALATION_NOT_FOUND,
      'escalationId',
      `partnership ${partnershipId} has no escalation with id ${escalationId}`,
    );
  }

  static versionConflict(expectedVersion: number, actualVersion: number): EscalationsException {
    return new EscalationsException(
      EscalationsErrorCode.VERSION_CONFLICT,
      `expectedVersion: the escalation is at version ${actualVersion}, not ${expectedVersion}; someone else changed it. ` +
        'Reload it and make the change again.',
      { field: 'expectedVersion', expectedVersion, actualVersion },
    );
  }

  /** A journey rule broken (from shared/lifecycle); `others` are further rules broken by the same change. */
  static violation(violation: LifecycleViolation, others: readonly LifecycleViolation[] = []): EscalationsException {
    const details: ApiErrorDetails = others.length === 0
      ? { field: violation.field }
      : { field: violation.field, violations: [violation, ...others].map((v) => ({ code: v.code, field: v.field, message: v.message })) };
    return new EscalationsException(EscalationsErrorCode[violation.code], `${violation.field}: ${violation.message}`, details);
  }
}
