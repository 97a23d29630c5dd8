/**
 * SQL condition: the person `userCol` may open the workspace `workspaceCol` — not one that requires
 * two-factor sign-in while they have not turned it on (lib/auth/workspaceAccess.ts). Nothing of such
 * a workspace is emailed to them.
 */
export function openToMemberSql(userCol: string, workspaceCol: string): string {
  return `NOT EXISTS (SELECT 1 FROM "Workspace" rw WHERE rw.id = ${workspaceCol} AND rw."requireTwoFactor"
            AND NOT EXISTS (SELECT 1 FROM "TwoFactor" tf WHERE tf."userId" = ${userCol} AND tf."enabledAt" IS NOT NULL))`;
}
