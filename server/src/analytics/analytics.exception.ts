import { ApiException, type ApiErrorDetails } from '../common/errors/api-exception.js';

export enum AnalyticsErrorCode {
  /** `from` is not before `to`, or one of them is not a real calendar date. */
  INVALID_PERIOD = 'INVALID_PERIOD',
  /** The period is longer than {@link MAX_PERIOD_YEARS} years. */
  PERIOD_TOO_LONG = 'PERIOD_TOO_LONG',
  PARTNERSHIP_NOT_FOUND = 'PARTNERSHIP_NOT_FOUND',
  /** An agency id of the filter is not an agency of the partnerships asked about. */
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  /** The protocol asked for is not one of the partnerships' protocols. */
  PROTOCOL_NOT_FOUND = 'PROTOCOL_NOT_FOUND',
}

/** The longest period a statistic may cover. */
export const MAX_PERIOD_YEARS = 20;

/** Every refusal of the analytics module; the message names the argument at fault and what to do. */
export class AnalyticsException extends ApiException<AnalyticsErrorCode> {
  constructor(code: AnalyticsErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(code, message, details);
  }

  static invalidPeriod(reason: string): AnalyticsException {
    return new AnalyticsException(AnalyticsErrorCode.INVALID_PERIOD, `filter.from/filter.to: ${reason}`, { field: 'filter' });
  }

  static periodTooLong(from: string, to: string): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.PERIOD_TOO_LONG,
      `filter.to: the period ${from} to ${to} is longer than ${MAX_PERIOD_YEARS} years; choose a shorter one`,
      { field: 'filter.to' },
    );
  }

  static partnershipsNotFound(ids: readonly string[]): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.PARTNERSHIP_NOT_FOUND,
      `filter.partnershipIds: no partnership has id ${ids.join(', ')}`,
      { field: 'filter.partnershipIds', ids: [...ids] },
    );
  }

  static agenciesNotFound(field: string, ids: readonly string[]): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.AGENCY_NOT_FOUND,
      `filter.${field}: no agency of the partnerships asked about has id ${ids.join(', ')}`,
      { field: `filter.${field}`, ids: [...ids] },
    );
  }

  static protocolNotFound(id: string): AnalyticsException {
    return new AnalyticsException(
      AnalyticsErrorCode.PROTOCOL_NOT_FOUND,
      `protocolId: no protocol ${id} belongs to the partnerships asked about`,
      { field: 'protocolId' },
    );
  }
}
