import type { Gauge } from "prom-client";
import { pool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

/** Counted up to this many: past it the figure says "far behind" well enough, and the count stays cheap. */
const COUNT_CAP = 1_000_000;

/** Sets the gauge to the events whose per-user/agent counts wait in ActorPending for the actor-fold job. */
export async function collectActorPending(gauge: Gauge): Promise<void> {
  try {
    const { rows } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "ActorPending" LIMIT ${COUNT_CAP}) p`);
    gauge.set(rows[0].n);
  } catch (error) {
    logger.warn("metrics: pending actor counts unavailable", { error: errorMessage(error) });
  }
}
