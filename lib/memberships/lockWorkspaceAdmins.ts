import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/ApiError";

/**
 * Inside a transaction: locks the workspace row, so concurrent demotions and removals are decided
 * one after another, then refuses (409) when `userId` is the workspace's only admin.
 */
export async function assertNotLastAdmin(tx: Prisma.TransactionClient, workspaceId: string, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId}::uuid FOR UPDATE`;
  const admins = await tx.membership.findMany({ where: { workspaceId, role: "admin" }, select: { userId: true } });
  if (admins.length <= 1 && admins.some((a) => a.userId === userId)) {
    throw new ApiError(409, "last_admin", "a workspace needs at least one admin: make someone else admin first, or delete the workspace (Settings → Workspace & members → Danger zone)");
  }
}
