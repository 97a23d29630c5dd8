import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { DELIVERY_REFS, toDeliveryDto } from "@/lib/alerts/deliveries/deliveryDto";
import type { ListDeliveriesQuery } from "@/lib/alerts/deliveries/deliverySchemas";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The workspace's delivery log, newest first. */
export async function listDeliveries(auth: AuthContext, input: { workspaceId: string; query: ListDeliveriesQuery }) {
  assertCanViewWorkspace(auth, input.workspaceId);
  const { workspaceId, query } = input;
  const where: Prisma.DeliveryWhereInput = { workspaceId };
  if (query.status) where.status = query.status;
  if (query.channelId) where.channelId = query.channelId;
  if (query.alertId) where.alertId = query.alertId;
  const [total, rows] = await Promise.all([
    db().delivery.count({ where }),
    db().delivery.findMany({
      where,
      include: DELIVERY_REFS,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { items: rows.map(toDeliveryDto), page: query.page, pageSize: query.pageSize, total };
}
