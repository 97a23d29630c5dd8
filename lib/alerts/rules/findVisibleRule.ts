import type { AuthContext } from "@/lib/auth/AuthContext";
import { visibleItem } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/** The rule if the caller may see its workspace; 404 otherwise; 403 two_factor_required in a workspace of theirs that keeps them out (visibleItem). */
export async function findVisibleRule(auth: AuthContext, ruleId: string) {
  if (!isUuid(ruleId)) throw ApiError.notFound("alert rule not found");
  return visibleItem(auth, await db().alertRule.findUnique({ where: { id: ruleId } }), () => ApiError.notFound("alert rule not found"));
}
