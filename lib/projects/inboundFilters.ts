import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { parseStoredFilters, type InboundFilterReason, type InboundFilters } from "@/lib/ingest/filters/inboundFilterSchema";
import { findProject } from "@/lib/projects/findProject";
import { saveProjectSetting } from "@/lib/projects/saveProjectSetting";

export interface InboundFiltersView {
  projectId: string;
  filters: InboundFilters;
  /**
   * Events the filters dropped in the last 24 hours and 30 days (the ingest counters, by minute), and
   * over the last 30 UTC days by reason (discarded issues included).
   */
  filtered: { last24h: number; last30d: number; byReason: Partial<Record<InboundFilterReason, number>> };
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
  await saveProjectSetting(auth, project, "inboundFilters", { action: "project.inbound_filters_updated", before: parseStoredFilters(project.inboundFilters), after: filters });
  return { projectId: project.id, filters, filtered: await filteredCounts(project.id, now) };
}

async function filteredCounts(projectId: string, now: Date): Promise<InboundFiltersView["filtered"]> {
  const day = new Date(now.getTime() - 24 * 3600_000);
  const month = new Date(now.getTime() - 30 * 24 * 3600_000);
  const firstDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 29));
  const sumSince = (from: Date) => db().ingestMinute.aggregate({ where: { projectId, minute: { gt: from, lte: now } }, _sum: { filtered: true } });
  const [last24h, last30d, reasons] = await Promise.all([
    sumSince(day),
    sumSince(month),
    db().filteredDaily.groupBy({ by: ["reason"], where: { projectId, day: { gte: firstDay } }, _sum: { count: true } }),
  ]);
  const byReason = Object.fromEntries(reasons.map((r) => [r.reason, r._sum.count ?? 0]));
  return { last24h: last24h._sum.filtered ?? 0, last30d: last30d._sum.filtered ?? 0, byReason };
}
