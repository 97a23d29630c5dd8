import { sha256Hex } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/ApiError";

/** The reset a link's token opens: 404 when unknown, 410 when used or expired. */
export async function findPasswordReset(token: string) {
  const reset = await db().passwordReset.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { user: { select: { id: true, email: true } } } });
  if (!reset) throw ApiError.notFound("password reset link not found");
  if (reset.usedAt) throw new ApiError(410, "reset_used", "this reset link has already been used");
  if (reset.expiresAt.getTime() <= Date.now()) throw new ApiError(410, "reset_expired", "this reset link has expired: ask for a new one");
  return reset;
}

/**
 * An admin's link holds only while the admin still administers every workspace the person belongs to
 * (checked when it was made, and again when it is opened and used: the person may have joined another
 * since, or the admin lost the role): 410 reset_revoked otherwise. Emailed and operator links always hold.
 */
export async function assertResetStillApplies(client: Pick<Prisma.TransactionClient, "membership">, reset: { userId: string; createdById: string | null }): Promise<void> {
  if (!reset.createdById) return;
  const [theirs, administered] = await Promise.all([
    // A workspace being deleted is no one's any more (lib/auth/workspaceAccess.ts).
    client.membership.findMany({ where: { userId: reset.userId, workspace: { deletingAt: null } }, select: { workspaceId: true } }),
    client.membership.findMany({ where: { userId: reset.createdById, role: "admin", workspace: { deletingAt: null } }, select: { workspaceId: true } }),
  ]);
  const adminOf = new Set(administered.map((m) => m.workspaceId));
  if (theirs.some((m) => !adminOf.has(m.workspaceId))) {
    throw new ApiError(410, "reset_revoked", "this reset link no longer applies: ask an admin of every workspace of this account for a new one, or an operator");
  }
}

/** GET /api/v1/password-resets/:token — whose password the link resets (anyone holding the link); 410 as using it would. */
export async function describePasswordReset(token: string) {
  const reset = await findPasswordReset(token);
  await assertResetStillApplies(db(), reset);
  return { email: reset.user.email, expiresAt: reset.expiresAt.toISOString() };
}
