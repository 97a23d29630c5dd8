/** The body of GET /api/health (app/api/health/route.ts); the dashboard's outage page reads `database`. */
export interface HealthResponse {
  status: "ok" | "degraded (spooling)" | "unavailable";
  database: boolean;
  spool: { spooling: boolean; since: string | null; bytes: number; maxBytes: number; dir: string };
}
