import { pool } from "@/lib/db/pool";
import { deleteProjectRows, deleteRows } from "@/lib/projects/deletion/purgeProject";
import { GROUP_ROW_TABLES, PENDING_ACTOR_TABLE, PROJECT_ROW_TABLES, type ProjectRowLead } from "@/lib/projects/deletion/projectRowTables";
import { WORKSPACE_ROW_TABLES } from "@/lib/workspaces/deletion/workspaceRowTables";

/** Orphaned issue ids per delete statement's search. */
const ID_BATCH = 500;

/**
 * The retention job's sweep of rows whose project, issue or workspace no longer exists, in the
 * tables without a foreign key to them (lib/projects/deletion/projectRowTables.ts,
 * lib/workspaces/deletion/workspaceRowTables.ts): what a write that raced a project's or a
 * workspace's deletion left (before 2026-12-09 a deletion could leave rows of events committed while
 * it ran — the workspace's views kept counting them for 400 days, as retention walks existing
 * projects only), or a count buffered on another instance that landed after its project was gone.
 * The orphaned keys are found through the tables' indexes, one descent per distinct project or
 * issue (a scan only for the rollups whose index puts other columns before the project); their rows
 * are then deleted in batches. Calls `count(table, n)` for what went.
 */
export async function deleteOrphanedRows(count: (table: string, n: number) => void): Promise<void> {
  for (const { table, lead, cascades } of PROJECT_ROW_TABLES) {
    if (cascades) continue;
    const { rows } = await pool().query<{ workspaceId: string | null; projectId: string }>(orphanedProjectsSql(table, lead));
    for (const orphan of rows) {
      count(table, await deleteProjectRows(table, lead, { id: orphan.projectId, workspaceId: orphan.workspaceId ?? "" }));
    }
  }
  // A few seconds' worth of rows, without an index: one search.
  count(PENDING_ACTOR_TABLE, await deleteRows(PENDING_ACTOR_TABLE, `NOT EXISTS (SELECT 1 FROM "Project" p WHERE p.id = "${PENDING_ACTOR_TABLE}"."projectId")`, []));
  for (const { table, column, cascades } of GROUP_ROW_TABLES) {
    if (cascades) continue;
    const { rows } = await pool().query<{ id: string }>(orphanedGroupsSql(table, column));
    for (let i = 0; i < rows.length; i += ID_BATCH) {
      const ids = rows.slice(i, i + ID_BATCH).map((r) => r.id);
      // Checked again as they go: an issue id is derived from its fingerprint and could come back.
      count(table, await deleteRows(table, `"${column}" = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM "ErrorGroup" g WHERE g.id = "${table}"."${column}")`, [ids]));
    }
  }
  // A workspace's own rows without a foreign key to it (saved searches): one written while its deletion ran.
  for (const { table, cascades } of WORKSPACE_ROW_TABLES) {
    if (cascades) continue;
    const { rows } = await pool().query<{ workspaceId: string }>(orphanedWorkspacesSql(table));
    for (const { workspaceId } of rows) count(table, await deleteRows(table, `"workspaceId" = $1::uuid`, [workspaceId]));
  }
}

/** The workspaces of `table` that do not exist (a scan: these tables are small). */
export function orphanedWorkspacesSql(table: string): string {
  return `SELECT DISTINCT "workspaceId" FROM "${table}" t WHERE NOT EXISTS (SELECT 1 FROM "Workspace" w WHERE w.id = t."workspaceId")`;
}

/** The (workspace, project) pairs of `table` whose project does not exist; workspaceId null where the index leads with the project. */
export function orphanedProjectsSql(table: string, lead: ProjectRowLead): string {
  const missing = (projectId: string) => `NOT EXISTS (SELECT 1 FROM "Project" x WHERE x.id = ${projectId})`;
  if (lead === "projectId") {
    return `WITH RECURSIVE k AS (
        (SELECT "projectId" AS p FROM "${table}" ORDER BY "projectId" LIMIT 1)
        UNION ALL
        SELECT (SELECT "projectId" FROM "${table}" WHERE "projectId" > k.p ORDER BY "projectId" LIMIT 1) FROM k WHERE k.p IS NOT NULL
      )
      SELECT NULL::uuid AS "workspaceId", p AS "projectId" FROM k WHERE p IS NOT NULL AND ${missing("k.p")}`;
  }
  if (lead === "workspaceId, projectId") {
    return `WITH RECURSIVE k AS (
        (SELECT "workspaceId" AS w, "projectId" AS p FROM "${table}" ORDER BY "workspaceId", "projectId" LIMIT 1)
        UNION ALL
        SELECT n.w, n.p FROM k CROSS JOIN LATERAL (
          SELECT "workspaceId" AS w, "projectId" AS p FROM "${table}" WHERE ("workspaceId", "projectId") > (k.w, k.p) ORDER BY "workspaceId", "projectId" LIMIT 1
        ) n
      )
      SELECT w AS "workspaceId", p AS "projectId" FROM k WHERE ${missing("k.p")}`;
  }
  return `SELECT DISTINCT "workspaceId", "projectId" FROM "${table}" t WHERE ${missing(`t."projectId"`)}`;
}

/** The issue ids in `column` of `table` (it leads the table's primary key) whose issue does not exist. */
export function orphanedGroupsSql(table: string, column: string): string {
  return `WITH RECURSIVE k AS (
      (SELECT "${column}" AS g FROM "${table}" ORDER BY "${column}" LIMIT 1)
      UNION ALL
      SELECT (SELECT "${column}" FROM "${table}" WHERE "${column}" > k.g ORDER BY "${column}" LIMIT 1) FROM k WHERE k.g IS NOT NULL
    )
    SELECT g AS id FROM k WHERE g IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "ErrorGroup" x WHERE x.id = k.g)`;
}
