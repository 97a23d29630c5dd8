/** Marks every ApiError, whichever copy of this module made it (Symbol.for is process-wide). */
const API_ERROR = Symbol.for("faultline.ApiError");

/**
 * The one error type that route handlers and lib functions throw; mapped to HTTP by toErrorResponse.
 * `npm start` runs two copies of lib/ in one process — the ingest fast path's bundle and Next.js's —
 * which share state on globalThis (rate limiters, caches): an ApiError made by one copy (a 429 from
 * a limiter the other copy created) must still be `instanceof ApiError` in the other, so the check
 * reads a process-wide brand rather than the prototype chain.
 */
export class ApiError extends Error {
  readonly [API_ERROR] = true;

  static [Symbol.hasInstance](value: unknown): value is ApiError {
    return typeof value === "object" && value !== null && (value as { [API_ERROR]?: unknown })[API_ERROR] === true;
  }

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  static badRequest(message: string, details?: Record<string, unknown>) {
    return new ApiError(400, "bad_request", message, details);
  }
  static unauthorized(message = "authentication required") {
    return new ApiError(401, "unauthorized", message);
  }
  static forbidden(message = "not allowed") {
    return new ApiError(403, "forbidden", message);
  }
  static notFound(message = "not found") {
    return new ApiError(404, "not_found", message);
  }
  static tooLarge(message: string, details?: Record<string, unknown>) {
    return new ApiError(413, "payload_too_large", message, details);
  }
  static unsupportedMediaType(message: string, field: string) {
    return new ApiError(415, "unsupported_media_type", message, { field });
  }
  static validation(message: string, issues: ValidationIssue[]) {
    return new ApiError(422, "validation_failed", message, { issues });
  }
  /**
   * A 422 about one field a person filled in (a password, a code): `message` is the sentence a form
   * shows as is ("That is not your current password."), the body names the field in `field` and in
   * `issues[0].path` for clients that mark it.
   */
  static invalidField(field: string, message: string) {
    return new ApiError(422, "validation_failed", message, { field, issues: [{ path: field, message }] });
  }
}

export interface ValidationIssue {
  path: string;
  message: string;
}
