import type { AuthContext } from "@/lib/auth/AuthContext";
import { visibleItem } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** A rule of one of the caller's workspaces; 404 otherwise; 403 two_factor_required in a workspace of theirs that keeps them out (visibleItem). */
export async function findAssignmentRule(auth: AuthContext, ruleId: string) {
  return visibleItem(auth, await db().assignmentRule.findUnique({ where: { id: ruleId } }), () => ApiError.notFound("assignment rule not found"));
}
