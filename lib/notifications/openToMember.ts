/**
 * SQL condition: the person `userCol` may open the workspace `workspaceCol` — not one being deleted
 * (Workspace.deletingAt), nor one that requires two-factor sign-in while they have not turned it on
 * (lib/auth/workspaceAccess.ts). Nothing of such a workspace is emailed to them.
 */
export function openToMemberSql(userCol: string, workspaceCol: string): string {
  return `EXISTS (SELECT 1 FROM "Workspace" rw WHERE rw.id = ${workspaceCol} AND rw."deletingAt" IS NULL
            AND (NOT rw."requireTwoFactor" OR EXISTS (SELECT 1 FROM "TwoFactor" tf WHERE tf."userId" = ${userCol} AND tf."enabledAt" IS NOT NULL)))`;
}
