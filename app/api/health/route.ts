import { pingDatabase } from "@/lib/db/ping";
import type { HealthResponse } from "@/lib/health/healthResponse";
import { spoolStatus } from "@/lib/spool/spoolRuntime";

export const dynamic = "force-dynamic";

/**
 * GET /api/health — `ok` (200) when the database answers and nothing is spooled; `degraded
 * (spooling)` (200: this instance still accepts events) while PostgreSQL is unavailable or the
 * spool is being replayed; `unavailable` (503) when the database is down and the spool is full.
 */
export async function GET() {
  const database = await pingDatabase();
  // The spool's directory stays out: this answer is anonymous, and a path tells about the host.
  const { spooling, since, bytes, maxBytes } = spoolStatus();
  const full = bytes >= maxBytes;
  const status = database && !spooling ? "ok" : !database && full ? "unavailable" : "degraded (spooling)";
  const body: HealthResponse = { status, database, spool: { spooling, since, bytes, maxBytes } };
  return Response.json(body, { status: status === "unavailable" ? 503 : 200 });
}
