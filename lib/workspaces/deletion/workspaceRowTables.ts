/**
 * Every table that holds a workspace's own rows — those not of one of its projects, which go with
 * each project's deletion (lib/projects/deletion/projectRowTables.ts) — by how a workspace's
 * deletion (lib/workspaces/deletion/purgeWorkspace.ts) deletes them. workspaceRowTables.test.ts
 * checks the lists against prisma/schema.prisma: a new table with a workspaceId column must be one
 * of a project's tables or be listed here.
 */

/**
 * Rows found by "workspaceId" (an index leads with it, but for the small SavedSearch), deleted in
 * batches before the workspace's row, in this order: notifications and deliveries before the alerts
 * they are about, so deleting an alert cascades into nothing large. `cascades`: a foreign key to
 * Workspace would take them with its row anyway; those without one (a row written while the deletion
 * ran could be left behind) are swept by the retention job (lib/lifecycle/deleteOrphanedRows.ts).
 */
export const WORKSPACE_ROW_TABLES: readonly { table: string; cascades: boolean }[] = [
  { table: "UserNotification", cascades: true },
  { table: "Delivery", cascades: true },
  { table: "Alert", cascades: true },
  { table: "AuditLog", cascades: true },
  { table: "DeclaredRelease", cascades: true },
  { table: "ReleaseDeploy", cascades: true },
  { table: "UploadChunk", cascades: true },
  { table: "WeeklyReportSent", cascades: true },
  { table: "SavedSearch", cascades: false },
];

/**
 * Tables whose rows go with the workspace's row through a cascading foreign key, in the same
 * statement: a handful of rows each (members, invitations, teams and their members, rules, channels,
 * the alert outbox's few pending batches).
 */
export const WORKSPACE_CASCADED_TABLES: readonly string[] = [
  "Membership",
  "Invitation",
  "Team",
  "TeamMember",
  "AssignmentRule",
  "AlertRule",
  "NotificationChannel",
  "AlertOutbox",
  "EndUserErasure",
];
