import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/** The rule if the caller may see its workspace; 404 otherwise. */
export async function findVisibleRule(auth: AuthContext, ruleId: string) {
  if (!isUuid(ruleId)) throw ApiError.notFound("alert rule not found");
  const rule = await db().alertRule.findUnique({ where: { id: ruleId } });
  if (!rule || !canViewWorkspace(auth, rule.workspaceId)) throw ApiError.notFound("alert rule not found");
  return rule;
}
