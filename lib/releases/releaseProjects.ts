import { queryRows } from "@/lib/analytics/queryRows";

/**
 * The projects each release was seen in — its issues', its sessions' and the ones a deploy tool
 * declared it for — read for the listed versions only (index ranges on the tag rollup's
 * (workspace, key, value), the session rollup and the declared releases).
 */
export async function releaseProjects(workspaceId: string, versions: string[]): Promise<Map<string, string[]>> {
  if (versions.length === 0) return new Map();
  const rows = await queryRows<{ version: string; projectIds: string[] }>(
    `SELECT version, array_agg(DISTINCT "projectId" ORDER BY "projectId")::text[] AS "projectIds" FROM (
       SELECT t.value AS version, g."projectId" FROM "ErrorGroupTag" t JOIN "ErrorGroup" g ON g.id = t."groupId"
        WHERE t."workspaceId" = $1::uuid AND t.key = 'release' AND t.value = ANY($2::text[])
       UNION ALL
       SELECT release, "projectId" FROM "ReleaseSessionDaily" WHERE "workspaceId" = $1::uuid AND release = ANY($2::text[])
       UNION ALL
       SELECT version, unnest("projectIds") FROM "DeclaredRelease" WHERE "workspaceId" = $1::uuid AND version = ANY($2::text[])
     ) seen GROUP BY version`,
    [workspaceId, versions],
  );
  return new Map(rows.map((row) => [row.version, row.projectIds]));
}
