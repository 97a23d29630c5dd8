import { resolveOpenAlerts } from "@/lib/alerts/lifecycle/resolveOpenAlerts";
import type { ErrorGroup } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { recordResolution } from "@/lib/metrics/recordResolution";
import { errorMessage } from "@/lib/text/errorMessage";

/**
 * Called by updateError after an error's status changed. Resolving (or ignoring) an error resolves
 * its open alerts, which stops their escalation and tells PagerDuty/webhooks; resolving also records
 * the resolution time for Prometheus. Never throws: the error's own update has already committed, and
 * the background evaluator resolves any alert left open here.
 */
export async function onErrorStatusChanged(before: Pick<ErrorGroup, "status">, after: ErrorGroup, actorId: string | null): Promise<void> {
  if (before.status === after.status) return;
  if (after.status !== "resolved" && after.status !== "ignored") return;
  try {
    const now = after.resolvedAt ?? new Date();
    if (after.status === "resolved") {
      recordResolution({ workspaceId: after.workspaceId, severity: after.severity, category: after.category, firstSeen: after.firstSeen, resolvedAt: now });
    }
    // Seed 002: resolving an error clears its alerts.
    await resolveOpenAlerts({ of: { errorGroupId: after.id }, actorId, resolution: after.status === "resolved" ? "error resolved" : "error ignored", now: new Date() });
  } catch (error) {
    logger.error("closing alerts of an error failed", { errorId: after.id, error: errorMessage(error) });
  }
}
