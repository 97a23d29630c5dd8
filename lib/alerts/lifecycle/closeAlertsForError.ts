import { transitionAlerts } from "@/lib/alerts/lifecycle/transitionAlerts";
import { dispatchDeliveries } from "@/lib/alerts/notify/processDeliveries";
import { db } from "@/lib/db/prisma";
import { OPEN_ALERT_STATUSES } from "@/lib/domain/alertStatus";

/** Resolves every open alert of an error group (seed 002: resolving an error clears its alerts). */
export async function closeAlertsForError(input: { errorGroupId: string; actorId: string | null; resolution: string; now: Date }): Promise<number> {
  const open = await db().alert.findMany({
    where: { errorGroupId: input.errorGroupId, status: { in: [...OPEN_ALERT_STATUSES] } },
    select: { id: true },
  });
  const result = await transitionAlerts({ ids: open.map((a) => a.id), to: "resolved", actorId: input.actorId, resolution: input.resolution, now: input.now });
  dispatchDeliveries(result.deliveryIds);
  return result.changed.length;
}
