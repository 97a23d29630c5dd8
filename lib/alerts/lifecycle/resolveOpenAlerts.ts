import { transitionAlerts } from "@/lib/alerts/lifecycle/transitionAlerts";
import { dispatchDeliveries } from "@/lib/alerts/notify/processDeliveries";
import { db } from "@/lib/db/prisma";
import { OPEN_ALERT_STATUSES } from "@/lib/domain/alertStatus";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Resolves every open alert that `of` selects (an error group's, a rule's), saying why; the channels
 * that were told hear of the resolution. Returns how many it resolved.
 */
export async function resolveOpenAlerts(input: { of: Prisma.AlertWhereInput; actorId: string | null; resolution: string; now: Date }): Promise<number> {
  const open = await db().alert.findMany({ where: { ...input.of, status: { in: [...OPEN_ALERT_STATUSES] } }, select: { id: true } });
  const result = await transitionAlerts({ ids: open.map((a) => a.id), to: "resolved", actorId: input.actorId, resolution: input.resolution, now: input.now });
  dispatchDeliveries(result.deliveryIds);
  return result.changed.length;
}
