import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/** The rule if the caller may see its workspace; 404 otherwise (other workspaces' rules do not exist for them). */
export async function findVisibleForwardingRule(auth: AuthContext, ruleId: string) {
  if (!isUuid(ruleId)) throw ApiError.notFound("forwarding rule not found");
  const rule = await db().forwardingRule.findUnique({ where: { id: ruleId } });
  if (!rule || !canViewWorkspace(auth, rule.workspaceId)) throw ApiError.notFound("forwarding rule not found");
  return rule;
}
