import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import type { ForwardingDeliveriesQuery } from "@/lib/forwarding/rules/forwardingRuleSchemas";
import { findProject } from "@/lib/projects/findProject";

/**
 * The project's forwarding delivery log, newest first: where each copy went, how often it was
 * tried, why it failed. Every member and viewer; payloads are not returned (only type and message).
 */
export async function listForwardingDeliveries(auth: AuthContext, projectId: string, query: ForwardingDeliveriesQuery) {
  await findProject(auth, projectId);
  const rows = await db().forwardingDelivery.findMany({
    where: { projectId, ...(query.ruleId && { ruleId: query.ruleId }), ...(query.status && { status: query.status }) },
    orderBy: { createdAt: "desc" },
    take: query.limit,
    include: { rule: { select: { name: true, kind: true } } },
  });
  return {
    items: rows.map((d) => {
      const payload = (d.payload ?? {}) as { type?: unknown; message?: unknown };
      return {
        id: d.id,
        ruleId: d.ruleId,
        rule: d.rule,
        eventId: d.eventId,
        groupId: d.groupId,
        type: typeof payload.type === "string" ? payload.type : "",
        message: typeof payload.message === "string" ? payload.message.slice(0, 300) : "",
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        responseStatus: d.responseStatus,
        durationMs: d.durationMs,
        nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
        createdAt: d.createdAt.toISOString(),
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
      };
    }),
  };
}

export type ForwardingDeliveryDto = Awaited<ReturnType<typeof listForwardingDeliveries>>["items"][number];
