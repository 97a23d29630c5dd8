import { errorPayload } from "@/lib/http/errorPayload";
import type { IntakeResponse } from "@/lib/intake/intakeRequest";
import { recordIngestRequest } from "@/lib/metrics/recordIngestRequest";

export type IntakeEndpoint = "events" | "executions" | "sentry_envelope" | "sentry_store" | "sentry_minidump" | "sentry_security" | "sentry_unreal" | "sentry_cron";

/**
 * Runs one ingest request: a thrown error becomes its JSON answer (with `errorHeaders()`, e.g. the
 * CORS headers browser SDKs need to read it), and every answer is counted with its latency in the
 * ingest metrics before it is sent.
 */
export async function runIntake(
  endpoint: IntakeEndpoint,
  work: () => Promise<IntakeResponse>,
  errorHeaders: () => Record<string, string> = () => ({}),
): Promise<IntakeResponse> {
  const started = performance.now();
  let response: IntakeResponse;
  try {
    response = await work();
  } catch (error) {
    response = errorPayload(error, errorHeaders(), { where: "http", method: "POST", route: `ingest:${endpoint}` });
  }
  recordIngestRequest(endpoint, response.status, (performance.now() - started) / 1000);
  return response;
}
