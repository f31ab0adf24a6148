import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { serviceUnavailable } from '../common/errors/common-error-code.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

/**
 * Around every resolver and route: a failure because the database is unavailable
 * becomes SERVICE_UNAVAILABLE (GraphQL `extensions.code`, HTTP 503), not an internal
 * error with a stack trace per request while PostgreSQL restarts.
 */
@Injectable()
export class DatabaseUnavailableInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw isDatabaseUnavailable(error) ? serviceUnavailable('database_unreachable') : error;
      }),
    );
  }
}
