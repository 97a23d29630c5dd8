import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/**
 * A membership in one of the caller's workspaces, or the caller's own (a member kept out of a
 * workspace until they turn on two-factor sign-in may still leave it); 404 otherwise (others'
 * memberships are not revealed).
 */
export async function findMembership(auth: AuthContext, membershipId: string) {
  const membership = await db().membership.findUnique({ where: { id: membershipId }, include: { user: { select: { id: true, email: true, name: true } } } });
  const own = auth.kind === "user" && membership?.userId === auth.userId;
  if (!membership || !(own || canViewWorkspace(auth, membership.workspaceId))) throw ApiError.notFound("membership not found");
  return membership;
}
