import { pingDatabase } from "@/lib/db/ping";
import { env } from "@/lib/env";
import type { HealthResponse } from "@/lib/health/healthResponse";
import { healthStatus } from "@/lib/health/healthStatus";
import { runLogged } from "@/lib/http/requestLog";
import { spoolStatus } from "@/lib/spool/spoolRuntime";

const NO_STORE = { "cache-control": "no-store" };

/**
 * GET /api/health — `ok` (200), `degraded (spooling)` (200: this instance still accepts events) or
 * `unavailable` (503: it refuses every event) as lib/health/healthStatus.ts decides from a database
 * ping and the spool's state; `shutting down` (503, `Connection: close`) while the instance drains
 * for its shutdown, when every other request it gets is refused too
 * (lib/lifecycle/gracefulShutdown.ts): a proxy's check takes it out of the pool. Through runLogged
 * like every API request (request id, in-flight count), its line at debug: load balancers ask every
 * few seconds. A database ping and the spool's figures, nothing more.
 */
export function answerHealth(req: Request): Promise<Response> {
  return runLogged(req, health, { level: "debug", whileDraining: shuttingDown });
}

async function health(): Promise<Response> {
  const database = await pingDatabase();
  const now = Date.now();
  const spool = spoolStatus(now);
  const status = healthStatus({ database, ack: env().INGEST_ACK, spool, now });
  // The spool's directory stays out: this answer is anonymous, and a path tells about the host.
  const { spooling, since, bytes, maxBytes } = spool;
  const body: HealthResponse = { status, database, spool: { spooling, since, bytes, maxBytes } };
  if (status !== "unavailable") return Response.json(body, { headers: NO_STORE });
  return Response.json(body, { status: 503, headers: { ...NO_STORE, "retry-after": "10" } });
}

function shuttingDown(): Response {
  const body: HealthResponse = { status: "shutting down" };
  return Response.json(body, { status: 503, headers: { ...NO_STORE, "retry-after": "1", connection: "close" } });
}
