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
      field: z.string().optional().describe("the field, parameter or header at fault, e.g. body (not JSON, over its limit), name (409: taken), limit (a query parameter sent twice), path, method, charset, header Content-Encoding, events[3]"),
      fields: z.array(z.string()).optional().describe("400 conflicting_credentials: where each of the disagreeing keys was sent, e.g. header X-Sentry-Auth, query sentry_key; 409 conflict: each field of a compound value taken"),
    })
    .loose(),
});
