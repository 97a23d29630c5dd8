import { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/ApiError";
import { errorPayload } from "@/lib/http/errorPayload";
import { uniqueViolation } from "@/lib/http/uniqueViolation";
import type { ServerErrorContext } from "@/lib/observability/serverErrors";

/** The one mapper from thrown errors to HTTP responses. Never leaks internals on 500. */
export function toErrorResponse(error: unknown, extraHeaders?: Record<string, string>, context?: ServerErrorContext): Response {
  const { status, headers, body } = errorPayload(fromPrisma(error), extraHeaders, context);
  return Response.json(body, { status, headers });
}

/** Prisma's "not found" and "unique constraint" errors as the ApiErrors they mean (the latter naming the field taken). */
function fromPrisma(error: unknown): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return ApiError.notFound();
    if (error.code === "P2002") return uniqueViolation(error.meta);
  }
  return error;
}
