import { onErrorStatusChanged } from "@/lib/alerts/onErrorStatusChanged";
import { db } from "@/lib/db/prisma";
import type { ChangedIssue } from "@/lib/errors/bulk/applyBulkChunk";
import { recordResolution } from "@/lib/metrics/recordResolution";

/**
 * What a single status change triggers, for a chunk of bulk changes: issues resolved or ignored
 * close their open alerts (only the few with open alerts are touched) and resolutions are recorded
 * for the metrics. Never throws: the changes are committed.
 */
export async function followUpChanges(changed: ChangedIssue[], actorId: string | null): Promise<void> {
  const closed = changed.filter((c) => c.beforeStatus !== c.status && (c.status === "resolved" || c.status === "ignored"));
  if (closed.length === 0) return;
  const withAlerts = new Set(
    (
      await db().alert.findMany({
        where: { errorGroupId: { in: closed.map((c) => c.id) }, status: { in: ["active", "acknowledged"] } },
        select: { errorGroupId: true },
        distinct: ["errorGroupId"],
      })
    ).map((a) => a.errorGroupId),
  );
  const groups = withAlerts.size ? await db().errorGroup.findMany({ where: { id: { in: [...withAlerts].filter((id): id is string => id !== null) } } }) : [];
  for (const group of groups) {
    const before = closed.find((c) => c.id === group.id);
    if (before) await onErrorStatusChanged({ status: before.beforeStatus as typeof group.status }, group, actorId);
  }
  for (const c of closed) {
    if (withAlerts.has(c.id) || c.status !== "resolved") continue;
    recordResolution({ workspaceId: c.workspaceId, severity: c.severity, category: c.category, firstSeen: c.firstSeen, resolvedAt: c.resolvedAt ?? new Date() });
  }
}
