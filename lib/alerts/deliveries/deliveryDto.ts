import type { Delivery, DeliveryAttempt } from "@/lib/generated/prisma/client";

type DeliveryWithRefs = Delivery & {
  channel: { id: string; name: string; kind: string };
  alert: { id: string; title: string; severity: string };
  attemptLog: DeliveryAttempt[];
};

export const DELIVERY_REFS = {
  channel: { select: { id: true, name: true, kind: true } },
  alert: { select: { id: true, title: true, severity: true } },
  attemptLog: { orderBy: { attempt: "asc" as const } },
};

/** One row of the delivery log: what was sent where, how often it was tried, and why it failed. */
export function toDeliveryDto(d: DeliveryWithRefs) {
  return {
    id: d.id,
    channel: d.channel,
    alert: d.alert,
    stage: d.stage,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    responseStatus: d.responseStatus,
    durationMs: d.durationMs,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    attemptLog: d.attemptLog.map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      ok: a.ok,
      responseStatus: a.responseStatus,
      error: a.error,
      durationMs: a.durationMs,
    })),
  };
}
