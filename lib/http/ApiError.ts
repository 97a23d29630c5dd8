/** The one error type that route handlers and lib functions throw; mapped to HTTP by toErrorResponse. */
export class ApiError extends Error {
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
  static unsupportedMediaType(message: string) {
    return new ApiError(415, "unsupported_media_type", message);
  }
  static validation(message: string, issues: ValidationIssue[]) {
    return new ApiError(422, "validation_failed", message, { issues });
  }
}

export interface ValidationIssue {
  path: string;
  message: string;
}
