import { ApiException, type ApiErrorDetails } from '../common/errors/api-exception.js';

export enum ImportsErrorCode {
  IMPORT_NOT_FOUND = 'IMPORT_NOT_FOUND',
  /** Neither CSV nor .xlsx (an old .xls, a PDF, a picture …). */
  UNSUPPORTED_FILE_TYPE = 'UNSUPPORTED_FILE_TYPE',
  /** No bytes, only blank lines, or headers with no row under them. */
  EMPTY_FILE = 'EMPTY_FILE',
  /** Over the upload limit. */
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  /** One cell (or row) far longer than any escalation needs. */
  CELL_TOO_LARGE = 'CELL_TOO_LARGE',
  /** The file cannot be read as what it claims to be (a broken workbook, unbalanced quotes). */
  UNREADABLE_FILE = 'UNREADABLE_FILE',
  /** The mapping leaves out a required field, names a column not in the file, … (details.problems lists all). */
  INVALID_MAPPING = 'INVALID_MAPPING',
  /** The import is not in a state for this step (e.g. a commit already running). */
  IMPORT_BUSY = 'IMPORT_BUSY',
  /** Commit of a file with problems: nothing was written (importProblems lists them). */
  IMPORT_HAS_PROBLEMS = 'IMPORT_HAS_PROBLEMS',
  /** The stored file no longer matches the checksum taken at upload. */
  FILE_CHANGED = 'FILE_CHANGED',
  NO_ACTIVE_PROTOCOL = 'NO_ACTIVE_PROTOCOL',
}

/** Every refusal of the imports module, with a message a person can act on. */
export class ImportsException extends ApiException<ImportsErrorCode> {
  constructor(code: ImportsErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(code, message, details);
  }

  static notFound(partnershipId: string, id: string): ImportsException {
    return new ImportsException(ImportsErrorCode.IMPORT_NOT_FOUND, `partnership ${partnershipId} has no import with id ${id}`, { field: 'id' });
  }
}
