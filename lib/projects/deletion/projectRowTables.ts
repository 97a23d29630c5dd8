/**
 * Every table that holds a project's rows, by how its rows are found through an index: a project's
 * deletion (lib/projects/deletion/purgeProject.ts) and the retention job's sweep of rows whose
 * project or issue no longer exists (lib/lifecycle/deleteOrphanedRows.ts) walk these lists, in
 * batches. Tables with a foreign key that cascades from Project or ErrorGroup would go with those
 * rows anyway; the large ones are listed too, so no single statement deletes them all at once.
 * projectRowTables.test.ts checks the lists against prisma/schema.prisma: a new table keyed by a
 * project or an issue without a cascading foreign key must be added here.
 */

/** Rows kept per issue (the column holding the id leads an index): deleted per batch of the project's issues, before them. */
export const GROUP_ROW_TABLES: readonly { table: string; column: string; cascades: boolean }[] = [
  { table: "ErrorHourly", column: "groupId", cascades: false },
  { table: "ErrorDaily", column: "groupId", cascades: false },
  { table: "ErrorWeekly", column: "groupId", cascades: false },
  { table: "ErrorFiveMinute", column: "groupId", cascades: false },
  { table: "ErrorEnvDaily", column: "groupId", cascades: false },
  { table: "ErrorEnvWeekly", column: "groupId", cascades: false },
  { table: "ErrorGroupUser", column: "groupId", cascades: false },
  { table: "ErrorGroupAgent", column: "groupId", cascades: false },
  { table: "InvestigationCheck", column: "groupId", cascades: false },
  // An issue's other fingerprints counted apart (lib/grouping/merge): per bucket, many rows per issue.
  { table: "GroupFingerprintBucket", column: "groupId", cascades: false },
  // A cascade links two issues of one project (the parent's event id is resolved within the project).
  { table: "CascadeDaily", column: "parentGroupId", cascades: false },
  // Foreign key to ErrorGroup, but many rows per issue: deleted in batches, not in the issues' statement.
  { table: "ErrorGroupTag", column: "groupId", cascades: true },
];

/**
 * Rows found by "projectId". `lead`: the leading columns of the index that finds them — "projectId"
 * itself, ("workspaceId", "projectId"), or "workspaceId" with "projectId" further on (the workspace
 * narrows the search; orphans of such a table are found by a scan). Buffered counters (written every
 * few seconds) come last, so a flush that began before the deletion has landed before they are deleted.
 */
export const PROJECT_ROW_TABLES: readonly { table: string; lead: ProjectRowLead; cascades: boolean }[] = [
  { table: "ErrorEventId", lead: "projectId", cascades: false },
  { table: "GroupFingerprint", lead: "projectId", cascades: true },
  { table: "DiscardedFingerprint", lead: "projectId", cascades: true },
  { table: "ProjectDaily", lead: "workspaceId, projectId", cascades: false },
  { table: "UserDaily", lead: "workspaceId, projectId", cascades: false },
  { table: "UserWeekly", lead: "workspaceId, projectId", cascades: false },
  { table: "AgentDaily", lead: "workspaceId, projectId", cascades: false },
  { table: "ProjectBucket", lead: "workspaceId", cascades: false },
  { table: "ActorCount", lead: "workspaceId", cascades: false },
  { table: "ActorFiveMinute", lead: "workspaceId", cascades: false },
  { table: "RecoveryDaily", lead: "workspaceId", cascades: false },
  { table: "RecoveryDurationDaily", lead: "workspaceId", cascades: false },
  { table: "ReleaseDaily", lead: "workspaceId", cascades: false },
  { table: "ExecutionMinute", lead: "projectId", cascades: false },
  { table: "ExecutionHourly", lead: "projectId", cascades: false },
  { table: "ExecutionDaily", lead: "projectId", cascades: false },
  { table: "ReleaseSessionDaily", lead: "projectId", cascades: false },
  { table: "ReleaseUserDaily", lead: "projectId", cascades: false },
  { table: "CountedSession", lead: "projectId", cascades: false },
  { table: "ClientDiscard", lead: "projectId", cascades: false },
  { table: "RateLimitWindow", lead: "projectId", cascades: false },
  { table: "QuotaWindow", lead: "projectId", cascades: false },
  // Foreign keys to Project (or its forwarding rules), but large: in batches before the project's row.
  { table: "UserFeedback", lead: "projectId", cascades: true },
  { table: "EventAttachment", lead: "projectId", cascades: true },
  { table: "ForwardingDelivery", lead: "projectId", cascades: true },
  { table: "SourceMap", lead: "projectId", cascades: true },
  { table: "SourceBundle", lead: "projectId", cascades: true },
  { table: "NativeSymbolFile", lead: "projectId", cascades: true },
  { table: "ProguardMapping", lead: "projectId", cascades: true },
  { table: "ReleaseCommit", lead: "projectId", cascades: true },
  { table: "FilteredDaily", lead: "projectId", cascades: false },
  { table: "IngestMinute", lead: "projectId", cascades: false },
];

export type ProjectRowLead = "projectId" | "workspaceId, projectId" | "workspaceId";

/**
 * Events' per-user/agent counts waiting to be folded (lib/analytics/actors/foldActorCounts.ts): no
 * index, a few seconds' worth of rows. Deleted first, so the fold cannot add the project's rows to
 * the per-actor rollups after those were deleted.
 */
export const PENDING_ACTOR_TABLE = "ActorPending";

/**
 * Tables whose rows go with the project's row or its issues' rows through a cascading foreign key, in
 * the same statement: a handful of rows each (keys, monitors and their runs — deleted in batches
 * first —, rules, mutes, alerts; an issue's comments, links, subscriptions, notifications).
 */
export const CASCADED_TABLES: readonly string[] = [
  "IngestKey",
  "ErrorGroup",
  "ErrorOccurrence",
  "Alert",
  "CronMonitor",
  "ForwardingRule",
  "ProjectMute",
  "ErrorComment",
  "IssueLink",
  "IssueSubscription",
  "UserNotification",
];

/** Tables listing project ids in a "projectIds" array: the deleted project leaves the lists (lib/projects/deletion/markProjectDeleting.ts). */
export const PROJECT_LIST_TABLES: readonly string[] = ["AlertRule", "NotificationChannel", "DeclaredRelease"];
