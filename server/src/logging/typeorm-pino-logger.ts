import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** How much of a statement a log line keeps: enough to find it in the code. */
const SQL_CHARS = 300;

/**
 * TypeORM's messages through Nest's logger (and so pino). A failed statement is logged
 * with its SQL (the code's own text), its SQLSTATE and constraint, and never its
 * parameters: those are what people typed, children's details among them. PostgreSQL's
 * own message can quote a value too, so it goes only to debug level and only where
 * `serverMessages` allows (never in production); a connection failure (no SQLSTATE)
 * keeps the driver's message, which quotes nothing.
 */
export class TypeOrmPinoLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly options: { readonly serverMessages: boolean }) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const failure = (typeof error === 'object' ? error : { message: error }) as { message?: string; code?: unknown; constraint?: unknown; table?: unknown };
    const sqlState = typeof failure.code === 'string' && /^[0-9A-Z]{5}$/.test(failure.code) ? failure.code : undefined;
    this.logger.warn({
      msg: sqlState ? `A statement failed (SQLSTATE ${sqlState})` : `A statement failed: ${failure.message ?? 'no connection'}`,
      sqlState,
      constraint: typeof failure.constraint === 'string' ? failure.constraint : undefined,
      table: typeof failure.table === 'string' ? failure.table : undefined,
      sql: query.replace(/\s+/g, ' ').slice(0, SQL_CHARS),
    });
    if (sqlState && this.options.serverMessages) this.logger.debug(`PostgreSQL said: ${failure.message ?? ''}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ msg: `A statement took ${time} ms`, sql: query.replace(/\s+/g, ' ').slice(0, SQL_CHARS) });
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  /**
   * The pool's own messages (a connection lost while idle): they belong to no request,
   * though pg reports them in the async context of the request that opened the connection.
   */
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const line = { msg: String(message), requestId: undefined };
    if (level === 'warn') this.logger.warn(line);
    else this.logger.debug(line);
  }
}
