/**
 * The body of GET /api/health (lib/health/answerHealth.ts); the dashboard's outage page reads `database`.
 * Anyone may ask (load balancers, monitoring): no path or other detail of the host in it.
 */
export type HealthResponse =
  | {
      status: "ok" | "degraded (spooling)" | "unavailable";
      database: boolean;
      spool: { spooling: boolean; since: string | null; bytes: number; maxBytes: number };
    }
  /** The instance is draining for its shutdown (503): the proxy sends requests to another one. */
  | { status: "shutting down" };
