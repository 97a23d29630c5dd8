import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/** The alert if the caller may see its workspace; 404 otherwise. */
export async function findVisibleAlert(auth: AuthContext, alertId: string) {
  if (!isUuid(alertId)) throw ApiError.notFound("alert not found");
  const alert = await db().alert.findUnique({ where: { id: alertId } });
  if (!alert || !canViewWorkspace(auth, alert.workspaceId)) throw ApiError.notFound("alert not found");
  return alert;
}
