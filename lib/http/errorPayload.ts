import { ApiError } from "@/lib/http/ApiError";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { isForeignKeyViolation } from "@/lib/http/foreignKeyViolation";
import { logger } from "@/lib/logger";
import { reportServerError, type ServerErrorContext } from "@/lib/observability/serverErrors";
import { errorForLog } from "@/lib/text/errorForLog";

export interface ErrorPayload {
  status: number;
  headers: Record<string, string>;
  body: { error: { code: string; message: string } & Record<string, unknown> };
}

/**
 * The status, headers and JSON body of a thrown error: an ApiError as it says, a write against a row
 * deleted meanwhile (a foreign key violation: a comment on an issue merged away, data of a project
 * being deleted) the 404 the request would have had a moment later, anything else a 500
 * that leaks no internals (logged, and reported with `context` to lib/observability). toErrorResponse wraps it in a Fetch Response; the ingest
 * fast path writes it to node:http directly.
 */
export function errorPayload(error: unknown, extraHeaders?: Record<string, string>, context: ServerErrorContext = { where: "http" }): ErrorPayload {
  if (isForeignKeyViolation(error)) {
    logger.warn("write against a row deleted meanwhile", { error: error instanceof Error ? error.message : String(error) });
    error = ApiError.notFound("not found: it was deleted or merged away meanwhile");
  }
  if (error instanceof ApiError) {
    return {
      status: error.status,
      headers: { ...extraHeaders, ...error.headers },
      body: { error: { code: error.code, message: error.message, ...error.details } },
    };
  }
  if (isDatabaseUnavailable(error)) {
    // PostgreSQL is down or restarting: a temporary condition, never a 500 (ingest spools instead).
    logger.warn("database unavailable", { error });
    // Not a bug, but an outage the operator wants to hear about from outside (self-reporting).
    reportServerError(error, context);
    return {
      status: 503,
      headers: { ...extraHeaders, "retry-after": "5" },
      body: { error: { code: "database_unavailable", message: "the database is unavailable: retry shortly", retryAfter: 5 } },
    };
  }
  // Where it was thrown (the frames) without what it was called with (errorForLog).
  logger.error("unhandled error", errorForLog(error));
  reportServerError(error, context);
  return { status: 500, headers: { ...extraHeaders }, body: { error: { code: "internal", message: "internal server error" } } };
}
