import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { forgetIngestSettings } from "@/lib/ingest/loadIngestSettings";

/** The project settings ingest reads through its per-instance cache (lib/ingest/loadIngestSettings.ts). */
type IngestSetting = "groupingRules" | "inboundFilters";

/**
 * Replaces one of a project's ingest settings and audits the change (before and after) in one
 * transaction; this instance reads it again at once, the others within their cache's 10 s. The
 * caller has checked the caller may (admins).
 */
export async function saveProjectSetting(
  auth: AuthContext,
  project: { id: string; workspaceId: string },
  setting: IngestSetting,
  change: { action: string; before: unknown; after: unknown },
): Promise<void> {
  await db().$transaction([
    db().project.update({ where: { id: project.id }, data: { [setting]: change.after as Prisma.InputJsonValue } }),
    db().auditLog.create({
      data: {
        id: uuidv7(),
        workspaceId: project.workspaceId,
        actorId: auth.kind === "user" ? auth.userId : null,
        actorType: "user",
        action: change.action,
        targetType: "project",
        targetId: project.id,
        before: change.before as Prisma.InputJsonValue,
        after: change.after as Prisma.InputJsonValue,
      },
    }),
  ]);
  forgetIngestSettings(project.id);
}
