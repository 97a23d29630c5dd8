import { handle } from "@/lib/http/handle";
import { assertMetricsToken } from "@/lib/metrics/assertMetricsToken";
import { renderMetrics } from "@/lib/metrics/renderMetrics";

export const dynamic = "force-dynamic";

/** GET /api/metrics — Prometheus text format; `Authorization: Bearer <METRICS_TOKEN>`. */
export const GET = handle(async (req: Request) => {
  assertMetricsToken(req);
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
