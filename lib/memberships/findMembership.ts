import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertVisibleIn } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/**
 * A membership in one of the caller's workspaces, or the caller's own (a member kept out of a
 * workspace until they turn on two-factor sign-in may still leave it); 404 otherwise (others'
 * memberships are not revealed), 403 two_factor_required for another's in a workspace that keeps them out.
 */
export async function findMembership(auth: AuthContext, membershipId: string) {
  const membership = await db().membership.findUnique({ where: { id: membershipId }, include: { user: { select: { id: true, email: true, name: true } } } });
  if (!membership) throw ApiError.notFound("membership not found");
  const own = auth.kind === "user" && membership.userId === auth.userId;
  if (!own) assertVisibleIn(auth, membership.workspaceId, () => ApiError.notFound("membership not found"));
  return membership;
}
