/**
 * True when an error means "PostgreSQL cannot be reached or is not accepting work right now" (down,
 * restarting, in recovery, connection dropped), as opposed to an error in what was asked. Ingest
 * spools on these instead of failing; everything else keeps its own meaning.
 */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED"]);
// Class 08 connection exceptions; 57P01-57P03 admin/crash shutdown and "the database system is
// starting up"; 53300 too many connections; 25006 read-only (a standby answering during failover);
// the server out of resources — 53000, 53100 disk full, 53200 out of memory — or failing its own I/O
// (58000, 58030): nothing in the request is wrong, and the spool keeps it until the server recovers.
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "08007", "57P01", "57P02", "57P03", "53000", "53100", "53200", "53300", "58000", "58030", "25006"]);
// Prisma's codes for the same (its driver-adapter errors): database not reachable, timed out
// reaching it, the server closed the connection.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
const MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /Connection ended unexpectedly/i, /not queryable/i];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && MESSAGES.some((re) => re.test(message))) return true;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
