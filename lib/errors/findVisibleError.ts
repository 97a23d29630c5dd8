import type { AuthContext } from "@/lib/auth/AuthContext";
import { visibleItem } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuidv7";
import { ApiError } from "@/lib/http/ApiError";

/**
 * The error group if the caller may see it; 404 otherwise (existence in other workspaces is not
 * revealed; an issue being deleted is gone for everyone), or 403 two_factor_required when it is of a
 * workspace of theirs that requires two-factor sign-in they have not turned on.
 */
export async function findVisibleError(auth: AuthContext, errorId: string) {
  if (!isUuid(errorId)) throw ApiError.notFound("error not found");
  const found = await db().errorGroup.findUnique({ where: { id: errorId } });
  const group = visibleItem(auth, found?.deletingAt ? null : found, () => ApiError.notFound("error not found"));
  if (auth.kind === "ingestKey" && group.projectId !== auth.projectId) throw ApiError.notFound("error not found");
  return group;
}
