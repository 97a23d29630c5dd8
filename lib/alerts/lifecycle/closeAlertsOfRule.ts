import { transitionAlerts } from "@/lib/alerts/lifecycle/transitionAlerts";
import { dispatchDeliveries } from "@/lib/alerts/notify/processDeliveries";
import { db } from "@/lib/db/prisma";
import { OPEN_ALERT_STATUSES } from "@/lib/domain/alertStatus";

/**
 * Resolves every open alert of a rule being turned off or deleted (or, narrowed to some projects, those
 * of the projects it no longer covers): no sweep evaluates a rule for them any more, so a level alert
 * (error rate, spike, ingest health, the disk forecast) would otherwise stay active — and keep
 * escalating — for ever. The channels that were told hear of the resolution.
 */
export async function closeAlertsOfRule(input: { ruleId: string; actorId: string | null; resolution: string; now: Date; onlyOutsideProjects?: string[] }): Promise<number> {
  // `onlyOutsideProjects`: the rule was narrowed to these projects; the others' alerts go (those of no project stay).
  const outside = input.onlyOutsideProjects ? { projectId: { notIn: input.onlyOutsideProjects } } : {};
  const open = await db().alert.findMany({ where: { ruleId: input.ruleId, status: { in: [...OPEN_ALERT_STATUSES] }, ...outside }, select: { id: true } });
  const result = await transitionAlerts({ ids: open.map((a) => a.id), to: "resolved", actorId: input.actorId, resolution: input.resolution, now: input.now });
  dispatchDeliveries(result.deliveryIds);
  return result.changed.length;
}
