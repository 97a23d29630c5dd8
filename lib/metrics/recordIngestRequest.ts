import { metrics } from "@/lib/metrics/registry";

/** Counts one ingest request and its latency (lib/intake/runIntake.ts, for every door). */
export function recordIngestRequest(endpoint: string, status: number, seconds: number): void {
  const labels = { endpoint, status: String(status) };
  const m = metrics();
  m.ingestRequests.inc(labels);
  m.ingestDuration.observe(labels, seconds);
}
