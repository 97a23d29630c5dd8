import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuidv7";

/** Merges of merges are followed this far (A into B, B into C…). */
const MAX_HOPS = 5;

/**
 * The issue a removed issue was merged into, following later merges, when the caller may see it:
 * links to an issue (alerts, chat, tickets) outlive a merge. Read from the `error.merged_into`
 * audit entries the merge writes. Null when the issue was never merged, or its target is gone too.
 */
export async function findMergeTarget(auth: AuthContext, errorId: string): Promise<string | null> {
  if (!isUuid(errorId) || auth.kind !== "user") return null;
  let current = errorId;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const merged = await db().auditLog.findFirst({
      where: { targetType: "error", targetId: current, action: "error.merged_into" },
      orderBy: { at: "desc" },
      select: { workspaceId: true, after: true },
    });
    const next = (merged?.after as { targetId?: unknown } | null)?.targetId;
    if (!merged || typeof next !== "string" || !isUuid(next) || !canViewWorkspace(auth, merged.workspaceId)) return null;
    const target = await db().errorGroup.findUnique({ where: { id: next }, select: { id: true, workspaceId: true } });
    if (target) return canViewWorkspace(auth, target.workspaceId) ? target.id : null;
    current = next;
  }
  return null;
}
