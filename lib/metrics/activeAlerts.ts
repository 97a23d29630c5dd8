import type { Gauge } from "prom-client";
import { pool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

/** Sets the active-alert gauge from the database: every workspace × severity, zeros included. */
export async function collectActiveAlerts(gauge: Gauge<"workspace" | "severity">): Promise<void> {
  try {
    const { rows } = await pool().query<{ workspace: string; severity: string; n: number }>(
      `SELECT w.id AS workspace, s.severity::text AS severity, count(a.id)::int AS n
       FROM "Workspace" w
       CROSS JOIN unnest(enum_range(NULL::"Severity")) AS s(severity)
       LEFT JOIN "Alert" a ON a."workspaceId" = w.id AND a.severity = s.severity AND a.status = 'active'
       GROUP BY 1, 2`,
    );
    gauge.reset();
    for (const row of rows) gauge.set({ workspace: row.workspace, severity: row.severity }, row.n);
  } catch (error) {
    logger.warn("metrics: active alerts unavailable", { error: errorMessage(error) });
  }
}
