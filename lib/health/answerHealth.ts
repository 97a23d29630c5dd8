import { pingDatabase } from "@/lib/db/ping";
import type { HealthResponse } from "@/lib/health/healthResponse";
import { runLogged } from "@/lib/http/requestLog";
import { spoolStatus } from "@/lib/spool/spoolRuntime";

const NO_STORE = { "cache-control": "no-store" };

/**
 * GET /api/health — `ok` (200) when the database answers and nothing is spooled; `degraded
 * (spooling)` (200: this instance still accepts events) while PostgreSQL is unavailable or the
 * spool is being replayed; `unavailable` (503) when the database is down and the spool is full;
 * `shutting down` (503, `Connection: close`) while the instance drains for its shutdown, when every
 * other request it gets is refused too (lib/lifecycle/gracefulShutdown.ts): a proxy's check takes it
 * out of the pool. Through runLogged like every API request (request id, in-flight count), its line
 * at debug: load balancers ask every few seconds. A database ping and the spool's figures, nothing more.
 */
export function answerHealth(req: Request): Promise<Response> {
  return runLogged(req, health, { level: "debug", whileDraining: shuttingDown });
}

async function health(): Promise<Response> {
  const database = await pingDatabase();
  // The spool's directory stays out: this answer is anonymous, and a path tells about the host.
  const { spooling, since, bytes, maxBytes } = spoolStatus();
  const full = bytes >= maxBytes;
  const status = database && !spooling ? "ok" : !database && full ? "unavailable" : "degraded (spooling)";
  const body: HealthResponse = { status, database, spool: { spooling, since, bytes, maxBytes } };
  return Response.json(body, { status: status === "unavailable" ? 503 : 200, headers: NO_STORE });
}

function shuttingDown(): Response {
  const body: HealthResponse = { status: "shutting down" };
  return Response.json(body, { status: 503, headers: { ...NO_STORE, "retry-after": "1", connection: "close" } });
}
