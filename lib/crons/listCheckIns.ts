import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { findVisibleMonitor } from "@/lib/crons/findVisibleMonitor";
import { toCheckInDto, toMonitorDto, type CheckInRow } from "@/lib/crons/monitorDto";
import { pool } from "@/lib/db/pool";

export const CheckInListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CheckInListQuery = z.infer<typeof CheckInListQuerySchema>;

/** One monitor with its runs, newest first, paged (any member). */
export async function listCheckIns(auth: AuthContext, monitorId: string, query: CheckInListQuery) {
  const monitor = await findVisibleMonitor(auth, monitorId);
  const [{ rows }, { rows: counted }] = await Promise.all([
    pool().query<CheckInRow>(
      `SELECT id, status, "durationMs", release, detail, "expectedAt", "createdAt" FROM "CronCheckIn" WHERE "monitorId" = $1
       ORDER BY "createdAt" DESC, id DESC LIMIT $2 OFFSET $3`,
      [monitor.id, query.pageSize, (query.page - 1) * query.pageSize],
    ),
    pool().query<{ total: number }>(`SELECT count(*)::int AS total FROM "CronCheckIn" WHERE "monitorId" = $1`, [monitor.id]),
  ]);
  return { monitor: toMonitorDto(monitor), items: rows.map(toCheckInDto), page: query.page, pageSize: query.pageSize, total: counted[0]?.total ?? 0 };
}

export type CheckInList = Awaited<ReturnType<typeof listCheckIns>>;
