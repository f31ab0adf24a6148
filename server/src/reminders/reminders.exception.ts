import { ApiException } from '../common/errors/api-exception.js';

export enum RemindersErrorCode {
  /** No escalation with that id in the partnership. */
  ESCALATION_NOT_FOUND = 'ESCALATION_NOT_FOUND',
  /** The user is not an active business-unit, executive, improvement-group or scrutineer user of the partnership. */
  PERSON_NOT_FOUND = 'PERSON_NOT_FOUND',
  /** The person is already named on the escalation. */
  ALREADY_NAMED = 'ALREADY_NAMED',
  /** The person is not named on the escalation, so cannot be unnamed. */
  NOT_NAMED = 'NOT_NAMED',
}

/** Refusals of the reminders module; the message starts with the input field at fault, which `extensions.field` names too. */
export class RemindersException extends ApiException<RemindersErrorCode> {
  constructor(code: RemindersErrorCode, field: string, reason: string) {
    super(code, `${field}: ${reason}`, { field });
  }
}
