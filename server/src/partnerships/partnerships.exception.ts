import { ApiException } from '../common/errors/api-exception.js';

export enum PartnershipsErrorCode {
  PARTNERSHIP_NOT_FOUND = 'PARTNERSHIP_NOT_FOUND',
}

export class PartnershipsException extends ApiException<PartnershipsErrorCode> {
  constructor(code: PartnershipsErrorCode, message: string) {
    super(code, message);
  }

  static notFound(id: string): PartnershipsException {
    return new PartnershipsException(PartnershipsErrorCode.PARTNERSHIP_NOT_FOUND, `No partnership has id ${id}`);
  }
}
