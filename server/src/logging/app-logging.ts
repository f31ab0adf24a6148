import type { LogLevel } from '@nestjs/common';
import type { Logger } from 'pino';
import type { LogLevelName } from '../config/operations-config.js';
import { PinoNestLogger } from './pino-nest-logger.js';
import { createRootLogger, type LogSettings } from './root-logger.js';

export interface AppLoggingOptions {
  /** A logger to share (the process's own, from main.ts); else one is made from `logging`. */
  readonly rootLogger?: Logger;
  /** Settings of a logger made here. Default: info, JSON, standard output. */
  readonly logging?: Partial<LogSettings>;
  /** Nest's log levels, as callers used to pass them: the least severe becomes the level; false is silent. */
  readonly logger?: LogLevel[] | false;
}

const BY_NEST_LEVEL: readonly [LogLevel, LogLevelName][] = [
  ['verbose', 'trace'],
  ['debug', 'debug'],
  ['log', 'info'],
  ['warn', 'warn'],
  ['error', 'error'],
  ['fatal', 'fatal'],
];

/** The pino logger an app writes to, and the Nest logger over it. */
export function appLogging(options: AppLoggingOptions): { readonly root: Logger; readonly nest: PinoNestLogger } {
  const root = options.rootLogger ?? createRootLogger({
    level: options.logging?.level ?? levelOf(options.logger),
    format: options.logging?.format ?? 'json',
    ...(options.logging?.destination ? { destination: options.logging.destination } : {}),
  });
  return { root, nest: new PinoNestLogger(root) };
}

function levelOf(levels: LogLevel[] | false | undefined): LogLevelName {
  if (levels === undefined) return 'info';
  if (levels === false) return 'silent';
  return BY_NEST_LEVEL.find(([nest]) => levels.includes(nest))?.[1] ?? 'silent';
}
