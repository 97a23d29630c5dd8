import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/ApiError";

/** GET /api/metrics needs `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN it does not exist. */
export function assertMetricsToken(req: Request): void {
  const expected = env().METRICS_TOKEN;
  if (!expected) throw ApiError.notFound("metrics are disabled: set METRICS_TOKEN");
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match || !sameSecret(match[1], expected)) {
    throw new ApiError(401, "unauthorized", "a valid metrics bearer token is required", undefined, {
      "WWW-Authenticate": 'Bearer realm="faultline-metrics"',
    });
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
