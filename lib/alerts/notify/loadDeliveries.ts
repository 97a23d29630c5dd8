import { db } from "@/lib/db/prisma";

/** Claimed deliveries with their channel and everything the notification says about the alert. */
export async function loadDeliveries(ids: string[]) {
  if (ids.length === 0) return [];
  return db().delivery.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      workspaceId: true,
      stage: true,
      attempts: true,
      channel: { select: { id: true, kind: true, enabled: true, config: true, secrets: true } },
      alert: {
        select: {
          id: true,
          title: true,
          severity: true,
          status: true,
          ruleName: true,
          ruleKind: true,
          value: true,
          threshold: true,
          count: true,
          firedAt: true,
          acknowledgedAt: true,
          resolvedAt: true,
          resolution: true,
          errorGroup: {
            select: { id: true, type: true, message: true, category: true, status: true, occurrenceCount: true, firstSeen: true, lastSeen: true },
          },
          project: { select: { id: true, name: true } },
          workspace: { select: { id: true, name: true } },
        },
      },
    },
  });
}

export type LoadedDelivery = Awaited<ReturnType<typeof loadDeliveries>>[number];
