import { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/ApiError";
import { logger } from "@/lib/logger";
import { reportServerError } from "@/lib/observability/serverErrors";

/** The one mapper from thrown errors to HTTP responses. Never leaks internals on 500. */
export function toErrorResponse(error: unknown, extraHeaders?: Record<string, string>): Response {
  const headers = { ...extraHeaders };
  if (error instanceof ApiError) {
    return Response.json(
      { error: { code: error.code, message: error.message, ...error.details } },
      { status: error.status, headers: { ...headers, ...error.headers } },
    );
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return toErrorResponse(ApiError.notFound(), headers);
    if (error.code === "P2002") return toErrorResponse(new ApiError(409, "conflict", "already exists"), headers);
  }
  logger.error("unhandled error", { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  reportServerError(error, { where: "http" });
  return Response.json({ error: { code: "internal", message: "internal server error" } }, { status: 500, headers });
}
