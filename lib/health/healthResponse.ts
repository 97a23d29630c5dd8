/**
 * The body of GET /api/health (app/api/health/route.ts); the dashboard's outage page reads `database`.
 * Anyone may ask (load balancers, monitoring): no path or other detail of the host in it.
 */
export interface HealthResponse {
  status: "ok" | "degraded (spooling)" | "unavailable";
  database: boolean;
  spool: { spooling: boolean; since: string | null; bytes: number; maxBytes: number };
}
