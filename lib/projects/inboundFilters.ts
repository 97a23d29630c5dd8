import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { parseStoredFilters, type InboundFilters } from "@/lib/ingest/filters/inboundFilterSchema";
import { forgetIngestSettings } from "@/lib/ingest/loadIngestSettings";
import { findProject } from "@/lib/projects/findProject";

export interface InboundFiltersView {
  projectId: string;
  filters: InboundFilters;
  /** Events the filters dropped in the last 24 hours and 30 days (the ingest counters, by minute). */
  filtered: { last24h: number; last30d: number };
}

/** GET …/inbound-filters: any member of the project's workspace. */
export async function getInboundFilters(auth: AuthContext, projectId: string, now = new Date()): Promise<InboundFiltersView> {
  const project = await findProject(auth, projectId);
  return { projectId: project.id, filters: parseStoredFilters(project.inboundFilters), filtered: await filteredCounts(project.id, now) };
}

/** PUT …/inbound-filters: admins replace the settings; audited; applies to events received from now on (other instances within 10 s). */
export async function saveInboundFilters(auth: AuthContext, projectId: string, filters: InboundFilters, now = new Date()): Promise<InboundFiltersView> {
  const project = await findProject(auth, projectId);
  assertCanAdminister(auth, project.workspaceId);
  const before = parseStoredFilters(project.inboundFilters);
  await db().$transaction([
    db().project.update({ where: { id: project.id }, data: { inboundFilters: filters as Prisma.InputJsonValue } }),
    db().auditLog.create({
      data: {
        id: uuidv7(),
        workspaceId: project.workspaceId,
        actorId: auth.kind === "user" ? auth.userId : null,
        actorType: "user",
        action: "project.inbound_filters_updated",
        targetType: "project",
        targetId: project.id,
        before: before as Prisma.InputJsonValue,
        after: filters as Prisma.InputJsonValue,
      },
    }),
  ]);
  forgetIngestSettings(project.id);
  return { projectId: project.id, filters, filtered: await filteredCounts(project.id, now) };
}

async function filteredCounts(projectId: string, now: Date): Promise<InboundFiltersView["filtered"]> {
  const day = new Date(now.getTime() - 24 * 3600_000);
  const month = new Date(now.getTime() - 30 * 24 * 3600_000);
  const [last24h, last30d] = await Promise.all(
    [day, month].map((from) => db().ingestMinute.aggregate({ where: { projectId, minute: { gt: from, lte: now } }, _sum: { filtered: true } })),
  );
  return { last24h: last24h._sum.filtered ?? 0, last30d: last30d._sum.filtered ?? 0 };
}
