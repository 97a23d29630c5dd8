import type { AuthContext } from "@/lib/auth/AuthContext";
import { ALERT_REFS, toAlertDto } from "@/lib/alerts/alertDto";
import { toDeliveryDto, DELIVERY_REFS } from "@/lib/alerts/deliveries/deliveryDto";
import { findVisibleAlert } from "@/lib/alerts/findVisibleAlert";
import { db } from "@/lib/db/prisma";

/** One alert with its deliveries and its history (triggered, escalated, acknowledged, resolved, by whom). */
export async function getAlert(auth: AuthContext, alertId: string) {
  const found = await findVisibleAlert(auth, alertId);
  const [alert, deliveries, audit] = await Promise.all([
    db().alert.findUniqueOrThrow({ where: { id: found.id }, include: ALERT_REFS }),
    db().delivery.findMany({ where: { alertId: found.id }, include: DELIVERY_REFS, orderBy: { createdAt: "asc" } }),
    db().alertEvent.findMany({ where: { alertId: found.id }, orderBy: [{ at: "asc" }, { id: "asc" }], take: 200 }),
  ]);
  return {
    ...toAlertDto(alert),
    deliveries: deliveries.map(toDeliveryDto),
    audit: audit.map((a) => ({
      action: a.action,
      actorType: a.actorId ? "user" : "system",
      actorId: a.actorId,
      before: a.before,
      after: a.after,
      at: a.at.toISOString(),
    })),
  };
}
