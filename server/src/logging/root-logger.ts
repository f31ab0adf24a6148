import pinoPretty from 'pino-pretty';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogFormat, LogLevelName } from '../config/operations-config.js';

export interface LogSettings {
  readonly level: LogLevelName;
  readonly format: LogFormat;
  /** Where lines go (default: standard output); tests pass a stream to read them back. */
  readonly destination?: DestinationStream;
}

/**
 * Kept out of every line whatever a caller passes: session cookies, credentials,
 * passwords, GraphQL variables (they carry children's details) and request bodies.
 * The request serialisers already leave headers and bodies out; this catches anything
 * handed to a logger by mistake.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'cookie',
  'authorization',
  'password',
  '*.password',
  'variables',
  '*.variables',
  'body',
  '*.body',
  'parameters',
  '*.parameters',
];

/**
 * An error as a log line keeps it: its class, message, stack and code. Not the rest of
 * its fields: a failed statement's error carries its parameters and PostgreSQL's
 * `detail` ("Failing row contains …"), which quote what people typed.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code } = error as { code?: unknown };
  return {
    type: error.constructor.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}

/**
 * The process's one pino logger. JSON lines (`level` as a word, `time` in ISO 8601,
 * `service`, `pid`), or with `format: 'pretty'` a readable line for a developer's
 * terminal. Writes synchronously, so nothing is lost when the process exits.
 */
export function createRootLogger(settings: LogSettings): Logger {
  const destination = settings.destination ?? (settings.format === 'pretty'
    ? pinoPretty({
      sync: true,
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      // An HTTP line's message already says what its fields do.
      ignore: 'pid,hostname,service,context,req,res,responseTime,graphql',
      messageFormat: '{if context}[{context}] {end}{msg}',
    })
    : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: settings.level,
      base: { service: 'escalation-insights', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
