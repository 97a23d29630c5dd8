import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { MONITOR_LIST_COLUMNS, toCheckInDto, toMonitorDto, type CheckInRow, type MonitorListRow } from "@/lib/crons/monitorDto";
import { pool } from "@/lib/db/pool";
import { IdSchema } from "@/lib/domain/idSchema";
import { assertProjectFilter } from "@/lib/projects/assertWorkspaceProjects";

export const MonitorListQuerySchema = z.object({
  projectId: IdSchema.optional(),
});
export type MonitorListQuery = z.infer<typeof MonitorListQuerySchema>;

/** Runs shown beside each monitor (the newest, oldest first). */
export const RECENT_RUNS = 30;
/** A workspace has few monitors; the list is not paged but bounded. */
const MAX_MONITORS = 500;

/**
 * The cron monitors of a workspace (or one project): failing first, then by slug and environment,
 * each with its latest runs (an index range per monitor) for the run strip.
 */
export async function listMonitors(auth: AuthContext, input: { workspaceId: string; query: MonitorListQuery }) {
  assertCanViewWorkspace(auth, input.workspaceId);
  await assertProjectFilter(input.workspaceId, input.query.projectId);
  const { rows } = await pool().query<MonitorListRow & { recent: (Omit<CheckInRow, "createdAt" | "expectedAt"> & { createdAt: string; expectedAt: string | null })[] }>(
    `SELECT ${MONITOR_LIST_COLUMNS}, coalesce(r.recent, '[]') AS recent
     FROM "CronMonitor" m
     JOIN "Project" p ON p.id = m."projectId"
     LEFT JOIN LATERAL (
       SELECT json_agg(json_build_object('id', c.id, 'status', c.status, 'durationMs', c."durationMs", 'release', c.release, 'detail', c.detail,
         'expectedAt', c."expectedAt", 'createdAt', c."createdAt") ORDER BY c."createdAt") AS recent
       FROM (SELECT * FROM "CronCheckIn" WHERE "monitorId" = m.id ORDER BY "createdAt" DESC LIMIT ${RECENT_RUNS}) c
     ) r ON true
     WHERE m."workspaceId" = $1 AND ($2::uuid IS NULL OR m."projectId" = $2::uuid)
     ORDER BY (m.status = 'failing') DESC, m.slug, m.environment
     LIMIT ${MAX_MONITORS}`,
    [input.workspaceId, input.query.projectId ?? null],
  );
  return {
    items: rows.map((row) => ({
      ...toMonitorDto(row),
      recent: row.recent.map((c) => toCheckInDto({ ...c, createdAt: new Date(c.createdAt), expectedAt: c.expectedAt ? new Date(c.expectedAt) : null })),
    })),
  };
}

export type MonitorList = Awaited<ReturnType<typeof listMonitors>>;
export type MonitorListItem = MonitorList["items"][number];
