import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { currentRequestId } from './request-scope.js';

/** Nest's start-up chatter (every module and route it wires): worth seeing only when debugging. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule', 'NestFactory', 'NestApplication']);

/**
 * Nest's `Logger` writing through pino: every `new Logger('Context').warn(…)` in the
 * code becomes a structured line with `context`, and `requestId` when it is written
 * while a request is being served. An object message is merged into the line (`msg`
 * its message); its own `requestId`, even undefined, overrides the request's.
 */
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...optional: unknown[]): void {
    const { context } = split(optional);
    this.write(context !== undefined && START_UP_CONTEXTS.has(context) ? 'debug' : 'info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  private write(level: Level, message: unknown, optional: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const { context, extra } = split(optional);
    const requestId = currentRequestId();
    const fields: Record<string, unknown> = {
      ...(context !== undefined ? { context } : {}),
      ...(requestId !== undefined ? { requestId } : {}),
    };
    // Nest passes an error's stack as the argument before the context.
    const stack = extra.find((value): value is string => typeof value === 'string' && /\n\s+at /.test(value));
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.pino[level]({ ...fields, ...(stack !== undefined ? { stack } : {}) }, String(message));
    }
  }
}

/** Nest's loggers call `method(message, ...extra, context)`, the context a string last (or undefined). */
function split(optional: readonly unknown[]): { context: string | undefined; extra: readonly unknown[] } {
  if (optional.length === 0) return { context: undefined, extra: [] };
  const last = optional[optional.length - 1];
  if (typeof last === 'string' || last === undefined) return { context: last, extra: optional.slice(0, -1) };
  return { context: undefined, extra: optional };
}
