import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ApiException } from './api-exception.js';
import { isDatabaseUnavailable } from '../../database/database-unavailable.js';
import { CommonErrorCode, serviceUnavailable } from './common-error-code.js';

/** Plain HTTP statuses for the codes that have an obvious one; any other ApiException is a 400. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  FILE_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_FILE_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  IMPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
  PARTNERSHIP_NOT_FOUND: HttpStatus.NOT_FOUND,
  LEARNING_ITEM_NOT_FOUND: HttpStatus.NOT_FOUND,
  IMPORT_BUSY: HttpStatus.CONFLICT,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

interface JsonResponse {
  headersSent: boolean;
  status(code: number): JsonResponse;
  json(body: unknown): void;
  end(): void;
}

/**
 * For HTTP routes (uploads, downloads): the same errors as GraphQL's, as a JSON body
 * `{ code, message, ...details }` with a fitting status. Unexpected errors say only
 * "Internal server error" (Nest's logger has the rest).
 */
@Catch()
export class HttpApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpApiExceptionFilter.name);

  catch(thrown: unknown, host: ArgumentsHost): void {
    const error = isDatabaseUnavailable(thrown) ? serviceUnavailable('database_unreachable') : thrown;
    const response = host.switchToHttp().getResponse<JsonResponse>();
    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let body: Record<string, unknown> = { code: CommonErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
    if (error instanceof ApiException) {
      status = STATUS_BY_CODE[error.code] ?? HttpStatus.BAD_REQUEST;
      body = { ...error.details, code: error.code, message: error.message };
    } else if (error instanceof HttpException) {
      status = error.getStatus();
      const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : CommonErrorCode.BAD_USER_INPUT;
      body = { code, message: error.message };
    } else {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    // A download that fails half-way has already sent its headers: all that is left is to cut it short.
    if (response.headersSent) response.end();
    else response.status(status).json(body);
  }
}
