import type { HealthResponse } from "@/lib/health/healthResponse";

/** Whether this server's PostgreSQL answers now (GET /api/health); false when the server itself cannot be reached. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    const res = await fetch("/api/health", { cache: "no-store", credentials: "same-origin" });
    const body = (await res.json()) as HealthResponse;
    return "database" in body && body.database === true;
  } catch {
    return false;
  }
}
