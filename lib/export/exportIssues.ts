import type { AuthContext } from "@/lib/auth/AuthContext";
import { canTriage, visibleWorkspaceIds } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { ErrorGroup, Prisma } from "@/lib/generated/prisma/client";
import { issueCulprits } from "@/lib/errors/issueCulprit";
import type { ErrorFilters } from "@/lib/errors/errorSchemas";
import { buildErrorWhere } from "@/lib/errors/search/buildErrorWhere";
import { assertCanExport, exportHeaders } from "@/lib/export/exportAccess";
import { csvRecord } from "@/lib/export/csv";
import { pagedStream } from "@/lib/export/pagedStream";
import { ApiError } from "@/lib/http/ApiError";

const PAGE = 500;

type Cursor = { lastSeen: Date; id: string } | "start";
type Row = ErrorGroup & { assigneeEmail: string | null; teamName: string | null; culprit: string | null };

const CSV_COLUMNS = ["id", "type", "message", "culprit", "status", "severity", "category", "source", "platform", "firstSeen", "lastSeen", "events", "users", "assignee", "assigneeTeam", "projectId", "workspaceId"];

/**
 * Streams the issues the list's filters (and search syntax) select, most recently seen first, as
 * CSV or a JSON array, by keyset pages on (lastSeen, id). Without a workspaceId: every workspace
 * where the caller may export.
 */
export async function exportIssues(auth: AuthContext, filters: ErrorFilters & { format: "csv" | "json" }): Promise<Response> {
  // Visibility first (404 for other workspaces), then the role (403 for viewers).
  const { where } = await buildErrorWhere(auth, filters);
  if (filters.workspaceId) assertCanExport(auth, filters.workspaceId);
  const allowed = visibleWorkspaceIds(auth).filter((id) => canTriage(auth, id));
  if (allowed.length === 0) throw ApiError.forbidden("viewers cannot export; ask a member or an admin");
  const scoped: Prisma.ErrorGroupWhereInput = { AND: [where, { workspaceId: { in: filters.workspaceId ? [filters.workspaceId] : allowed } }] };

  const isCsv = filters.format === "csv";
  const body = pagedStream<Row, Cursor>({
    head: isCsv ? csvRecord(CSV_COLUMNS) : "[\n",
    tail: isCsv ? "" : "\n]\n",
    first: "start",
    async page(cursor) {
      const keyset: Prisma.ErrorGroupWhereInput[] =
        cursor === "start" ? [] : [{ lastSeen: { lte: cursor.lastSeen } }, { OR: [{ lastSeen: { lt: cursor.lastSeen } }, { lastSeen: cursor.lastSeen, id: { lt: cursor.id } }] }];
      const groups = await db().errorGroup.findMany({ where: { AND: [scoped, ...keyset] }, orderBy: [{ lastSeen: "desc" }, { id: "desc" }], take: PAGE });
      const present = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))];
      const [assignees, teams] = await Promise.all([
        db().user.findMany({ where: { id: { in: present(groups.map((g) => g.assigneeId)) } }, select: { id: true, email: true } }),
        db().team.findMany({ where: { id: { in: present(groups.map((g) => g.assigneeTeamId)) } }, select: { id: true, name: true } }),
      ]);
      const emailOf = new Map(assignees.map((u) => [u.id, u.email]));
      const teamOf = new Map(teams.map((t) => [t.id, t.name]));
      const culprits = await issueCulprits(groups);
      const rows = groups.map((g, i) => ({
        ...g,
        culprit: culprits[i],
        assigneeEmail: g.assigneeId ? emailOf.get(g.assigneeId) ?? null : null,
        teamName: g.assigneeTeamId ? teamOf.get(g.assigneeTeamId) ?? null : null,
      }));
      const last = rows.at(-1);
      return { rows, next: rows.length === PAGE && last ? { lastSeen: last.lastSeen, id: last.id } : null };
    },
    render: (row, index) => (isCsv ? csvRow(row) : `${index === 0 ? "" : ",\n"}${JSON.stringify(jsonRow(row))}`),
  });
  return new Response(body, { headers: exportHeaders(filters.format, "faultline-issues") });
}

function csvRow(g: Row): string {
  return csvRecord([
    g.id, g.type, g.message, g.culprit, g.status, g.severity, g.category, g.source, g.platform,
    g.firstSeen, g.lastSeen, g.occurrenceCount, g.usersAffected, g.assigneeEmail, g.teamName, g.projectId, g.workspaceId,
  ]);
}

function jsonRow(g: Row) {
  return {
    id: g.id,
    type: g.type,
    message: g.message,
    culprit: g.culprit,
    status: g.status,
    severity: g.severity,
    category: g.category,
    source: g.source,
    platform: g.platform,
    firstSeen: g.firstSeen.toISOString(),
    lastSeen: g.lastSeen.toISOString(),
    events: g.occurrenceCount,
    users: g.usersAffected,
    assignee: g.assigneeEmail,
    assigneeTeam: g.teamName,
    projectId: g.projectId,
    workspaceId: g.workspaceId,
    resolvedAt: g.resolvedAt?.toISOString() ?? null,
  };
}
