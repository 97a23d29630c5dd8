import { metrics } from "@/lib/metrics/registry";

/** The Prometheus text exposition of every metric, and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
