import type { DeliveryDecision, SendOutcome } from "@/lib/alerts/notify/backoff";
import { db } from "@/lib/db/prisma";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** Stores an attempt's outcome on the delivery (releasing the lease) and in its attempt log. */
export async function recordAttempt(input: { deliveryId: string; attempt: number; at: Date; outcome: SendOutcome; decision: DeliveryDecision }) {
  const { outcome, decision } = input;
  await db().$transaction([
    db().delivery.update({
      where: { id: input.deliveryId },
      data: {
        status: decision.status,
        lockedUntil: null,
        lastError: outcome.ok ? null : (outcome.error ?? "send failed").slice(0, 300),
        responseStatus: outcome.status ?? null,
        durationMs: outcome.durationMs,
        ...(decision.status === "delivered" && { deliveredAt: input.at }),
        ...(decision.status === "pending" && { nextAttemptAt: decision.nextAttemptAt }),
      },
    }),
    db().deliveryAttempt.create({
      data: {
        id: uuidv7(input.at.getTime()),
        deliveryId: input.deliveryId,
        attempt: input.attempt,
        at: input.at,
        ok: outcome.ok,
        responseStatus: outcome.status ?? null,
        error: outcome.ok ? null : (outcome.error ?? "send failed").slice(0, 300),
        durationMs: outcome.durationMs,
      },
    }),
  ]);
}
