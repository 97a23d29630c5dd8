import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** A membership in one of the caller's workspaces; 404 otherwise (others' memberships are not revealed). */
export async function findMembership(auth: AuthContext, membershipId: string) {
  const membership = await db().membership.findUnique({ where: { id: membershipId }, include: { user: { select: { id: true, email: true, name: true } } } });
  if (!membership || !canViewWorkspace(auth, membership.workspaceId)) throw ApiError.notFound("membership not found");
  return membership;
}
