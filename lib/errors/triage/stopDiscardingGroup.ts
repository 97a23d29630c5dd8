import { pool } from "@/lib/db/pool";
import { db } from "@/lib/db/prisma";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { forgetIngestSettings } from "@/lib/ingest/loadIngestSettings";

/** Keeps a group's new events again (a no-op when none were discarded); reopening an issue does this too. */
export async function stopDiscardingGroup(group: { id: string; projectId: string; workspaceId: string }, actorId: string | null): Promise<void> {
  const { count } = await db().discardedFingerprint.deleteMany({ where: { groupId: group.id } });
  if (count === 0) return;
  await db().auditLog.create({
    data: { id: uuidv7(), workspaceId: group.workspaceId, actorId, actorType: "user", action: "error.discard_stopped", targetType: "error", targetId: group.id },
  });
  forgetIngestSettings(group.projectId);
}

/** The bulk form (reopening many issues): their discards removed in one statement; the reopen's own audit entries record it. */
export async function stopDiscardingGroups(groupIds: string[]): Promise<void> {
  const { rows } = await pool().query<{ projectId: string }>(`DELETE FROM "DiscardedFingerprint" WHERE "groupId" = ANY($1::uuid[]) RETURNING "projectId"`, [groupIds]);
  for (const projectId of new Set(rows.map((r) => r.projectId))) forgetIngestSettings(projectId);
}
