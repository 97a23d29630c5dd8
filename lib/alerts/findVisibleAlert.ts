import type { AuthContext } from "@/lib/auth/AuthContext";
import { visibleItem } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/** The alert if the caller may see its workspace; 404 otherwise; 403 two_factor_required in a workspace of theirs that keeps them out (visibleItem). */
export async function findVisibleAlert(auth: AuthContext, alertId: string) {
  if (!isUuid(alertId)) throw ApiError.notFound("alert not found");
  return visibleItem(auth, await db().alert.findUnique({ where: { id: alertId } }), () => ApiError.notFound("alert not found"));
}
