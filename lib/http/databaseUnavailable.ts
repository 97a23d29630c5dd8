/**
 * True when an error means "PostgreSQL cannot be reached or is not accepting work right now" (down,
 * restarting, in recovery, connection dropped, out of connections, read-only), as opposed to an error
 * in what was asked. Ingest spools on these instead of failing, and the API answers them 503
 * `database_unavailable` with Retry-After; everything else keeps its own meaning.
 */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED"]);
// Class 08 connection exceptions; 57P01-57P03 admin/crash shutdown and "the database system is
// starting up"; 53300 too many connections; 25006 read-only (a standby answering during failover,
// default_transaction_read_only); the server out of resources — 53000, 53100 disk full, 53200 out of
// memory — or failing its own I/O (58000, 58030): nothing in the request is wrong, and the spool keeps
// it until the server recovers.
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "08007", "57P01", "57P02", "57P03", "53000", "53100", "53200", "53300", "58000", "58030", "25006"]);
// Prisma's codes for the same: database not reachable (P1001), timed out reaching it (P1002), socket
// timeout (P1008), the server closed the connection (P1017), too many connections (P2037).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2037"]);
// @prisma/adapter-pg's kinds for the same, in a driver-adapter error's cause.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /Connection ended unexpectedly/i, /not queryable/i];

/**
 * Follows `cause` (and AggregateError's `errors`). Prisma's errors over the driver adapter carry
 * PostgreSQL's SQLSTATE neither as their code nor as a cause but in
 * `meta.driverAdapterError.cause.originalCode` (a P2039 "database error" or P2010 "raw query
 * failed" whose SQLSTATE is 25006, 57P01…): that is looked at too.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== "object") return false;
    const { code, originalCode, kind, message, errors, meta } = e as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; errors?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code))) return true;
    if (typeof originalCode === "string" && SQLSTATES.has(originalCode)) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && MESSAGES.some((re) => re.test(message))) return true;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    if (meta && typeof meta === "object" && meta.driverAdapterError && isDatabaseUnavailable(meta.driverAdapterError)) return true;
  }
  return false;
}
