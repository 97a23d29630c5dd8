import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** A rule of one of the caller's workspaces; 404 otherwise. */
export async function findAssignmentRule(auth: AuthContext, ruleId: string) {
  const rule = await db().assignmentRule.findUnique({ where: { id: ruleId } });
  if (!rule || !canViewWorkspace(auth, rule.workspaceId)) throw ApiError.notFound("assignment rule not found");
  return rule;
}
