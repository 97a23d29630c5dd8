import { transitionAlerts } from "@/lib/alerts/lifecycle/transitionAlerts";
import { dispatchDeliveries } from "@/lib/alerts/notify/processDeliveries";
import { db } from "@/lib/db/prisma";
import { OPEN_ALERT_STATUSES } from "@/lib/domain/alertStatus";

/**
 * Resolves every open alert of a rule being turned off or deleted: no sweep evaluates a rule that is
 * off, so a level alert (error rate, spike, ingest health, the disk forecast) would otherwise stay
 * active — and keep escalating — for ever. The channels that were told hear of the resolution.
 */
export async function closeAlertsOfRule(input: { ruleId: string; actorId: string | null; resolution: string; now: Date }): Promise<number> {
  const open = await db().alert.findMany({ where: { ruleId: input.ruleId, status: { in: [...OPEN_ALERT_STATUSES] } }, select: { id: true } });
  const result = await transitionAlerts({ ids: open.map((a) => a.id), to: "resolved", actorId: input.actorId, resolution: input.resolution, now: input.now });
  dispatchDeliveries(result.deliveryIds);
  return result.changed.length;
}
