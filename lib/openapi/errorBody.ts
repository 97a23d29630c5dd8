import { z } from "zod";

/**
 * The one error body every route answers with (lib/http/toErrorResponse.ts builds it): for the
 * document only. Validation errors (422) list each offending field in `issues`.
 */
export const ErrorBodySchema = z.object({
  error: z
    .object({
      code: z.string().describe("machine-readable, e.g. validation_failed, not_found, rate_limited"),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe("422: each invalid field, e.g. events[3].recovery.recovered"),
    })
    .loose(),
});
