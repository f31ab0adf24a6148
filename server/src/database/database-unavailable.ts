/** Socket errors that mean PostgreSQL cannot be reached (refused, reset, unreachable, unresolvable). */
const SOCKET_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs that mean the server is going, gone or not yet there, rather than that the
 * statement was wrong: class 08 (connection exception), 57P01-57P03 (shut down by an
 * administrator, crashed, cannot connect now) and 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-3]|53300)$/;

/** What pg and TypeORM say when a connection dies, cannot be made in time, or its pool is closed. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
  /Driver not Connected/i,
  // TypeORM releases a transaction's connection when the connection fails; the transaction's next statement then says so.
  /Query runner already released/i,
  /connection provided by a query runner was already released/i,
];

/**
 * Whether an error says the database is unavailable (stopped, restarting, out of reach,
 * or this server's pool closed for shutdown) rather than that a request was wrong. Looks
 * through TypeORM's `driverError` and `cause` chains.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, driverError, cause } = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && (SOCKET_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = driverError ?? cause;
  }
  return false;
}
