import { metrics } from "@/lib/metrics/registry";

/**
 * Counts one ingest request and its latency. Used by `handle(..., { metricsEndpoint })`; ingest
 * routes that do not go through `handle` (e.g. the Sentry envelope endpoint) call it directly.
 */
export function recordIngestRequest(endpoint: string, status: number, seconds: number): void {
  const labels = { endpoint, status: String(status) };
  const m = metrics();
  m.ingestRequests.inc(labels);
  m.ingestDuration.observe(labels, seconds);
}
