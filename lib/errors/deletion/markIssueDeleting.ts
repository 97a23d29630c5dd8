import type pg from "pg";
import { withTransaction } from "@/lib/db/pool";
import { lockLiveProject } from "@/lib/grouping/store/projectWriteLock";
import { uuidv7 } from "@/lib/ids/uuidv7";

export interface DoomedIssue {
  id: string;
  workspaceId: string;
  projectId: string;
}

export interface MarkedIssue extends DoomedIssue {
  deletingAt: Date;
  type: string;
  occurrences: number;
  users: number;
}

/** The per-issue rollups the dashboard's view reads (docs/metrics.md): taken out with the mark. */
export const ISSUE_VIEW_ROLLUPS = ["ErrorFiveMinute", "ErrorHourly", "ErrorDaily", "ErrorWeekly", "ErrorEnvDaily", "ErrorEnvWeekly"] as const;

/**
 * The first step of an issue's deletion, one short transaction under the project's grouping lock held
 * exclusively — so every ingest transaction that resolved an event to the issue has committed, and
 * every later one finds it being deleted and drops its events (lib/grouping/store/resolveGroups.ts):
 * the issue is marked deleting (404 and in no list from then on), taken out of the dashboard's counts
 * (takeOutOfView), its open alerts closed (no escalation for a deleted issue), a monitor whose
 * failures were its events forgets it (its next failure opens a new issue), and the deletion is
 * audited without the issue's message (which may quote an end user). The rest — its events and
 * everything kept per event or per issue — is the purge's (lib/errors/deletion/purgeIssue.ts). Null
 * when the issue is already being deleted or gone, or its project is being deleted.
 */
export async function markIssueDeleting(issue: DoomedIssue, actorId: string | null): Promise<MarkedIssue | null> {
  return withTransaction(async (client) => {
    if (!(await lockLiveProject(client, issue.projectId, "exclusive"))) return null;
    const { rows } = await client.query<{ deletingAt: Date; type: string; occurrences: number; users: number }>(
      `UPDATE "ErrorGroup" SET "deletingAt" = now(), "updatedAt" = now() WHERE id = $1::uuid AND "deletingAt" IS NULL
       RETURNING "deletingAt", type, "occurrenceCount" AS occurrences, "usersAffected" AS users`,
      [issue.id],
    );
    if (rows.length === 0) return null;
    await takeOutOfView(client, issue);
    await client.query(
      `UPDATE "Alert" SET status = 'resolved', "resolvedAt" = now(), resolution = 'issue deleted', "dedupKey" = NULL, "nextEscalationAt" = NULL, "updatedAt" = now()
       WHERE "errorGroupId" = $1::uuid AND "dedupKey" IS NOT NULL`,
      [issue.id],
    );
    await client.query(`UPDATE "CronMonitor" SET "groupId" = NULL, "updatedAt" = now() WHERE "projectId" = $2::uuid AND "groupId" = $1::uuid`, [issue.id, issue.projectId]);
    const marked = { ...issue, ...rows[0] };
    await client.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
       VALUES ($1, $2, $3, $4, 'error.deleted', 'error', $5, $6, NULL)`,
      [
        uuidv7(),
        issue.workspaceId,
        actorId,
        actorId ? "user" : "system",
        issue.id,
        JSON.stringify({ type: marked.type, projectId: issue.projectId, occurrences: marked.occurrences, users: marked.users }),
      ],
    );
    return marked;
  });
}

/**
 * Takes the issue out of the dashboard's counts at once, exactly: its events (spike-sampled ones too)
 * leave the per-project buckets (ProjectBucket, from its hourly rows) and daily totals (ProjectDaily,
 * from its daily rows: their events, and the issue-days they counted as distinct errors), under the
 * severity each row was counted with; the cascades it was the child of leave their parents' counts;
 * then its per-issue view rollups and cascade rows are deleted. Bounded by the buckets the issue had
 * events in (at most 400 days of hours per environment), not by its events. What is counted per event
 * without the issue's id — users and agents, recovery outcomes, a release's daily events — is
 * subtracted with each batch of its stored events as the purge deletes them.
 */
export async function takeOutOfView(client: pg.PoolClient, issue: DoomedIssue): Promise<void> {
  const args = [issue.id, issue.workspaceId, issue.projectId];
  await client.query(
    `INSERT INTO "ProjectBucket" ("workspaceId", span, bucket, "projectId", environment, severity, shard, count)
     SELECT $2::uuid, s.span, date_bin(make_interval(mins => s.span), h.bucket, TIMESTAMPTZ 'epoch'), $3::uuid, h.environment, h.severity, 0, -sum(h.count)::int
     FROM "ErrorHourly" h CROSS JOIN (VALUES (60), (1440)) AS s(span) WHERE h."groupId" = $1::uuid
     GROUP BY 2, 3, 5, 6 ORDER BY 2, 3, 5, 6
     ON CONFLICT ("workspaceId", span, bucket, "projectId", environment, severity, shard) DO UPDATE SET count = "ProjectBucket".count + excluded.count`,
    args,
  );
  await client.query(
    `INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
     SELECT $2::uuid, $3::uuid, day, severity, 0, -sum(count)::int, -count(*)::int FROM "ErrorDaily" WHERE "groupId" = $1::uuid
     GROUP BY day, severity ORDER BY day, severity
     ON CONFLICT ("workspaceId", "projectId", day, severity, shard) DO UPDATE SET
       count = "ProjectDaily".count + excluded.count, errors = "ProjectDaily".errors + excluded.errors`,
    args,
  );
  await client.query(
    `WITH gone AS (
       DELETE FROM "CascadeDaily" WHERE "workspaceId" = $2::uuid AND "childGroupId" = $1::uuid AND "parentGroupId" <> $1::uuid RETURNING "parentGroupId", count
     )
     UPDATE "ErrorGroup" g SET "cascadingFailures" = greatest(g."cascadingFailures" - x.n, 0)
     FROM (SELECT "parentGroupId", sum(count)::int AS n FROM gone GROUP BY 1) x WHERE g.id = x."parentGroupId"`,
    [issue.id, issue.workspaceId],
  );
  await client.query(`DELETE FROM "CascadeDaily" WHERE "parentGroupId" = $1::uuid`, [issue.id]);
  for (const table of ISSUE_VIEW_ROLLUPS) await client.query(`DELETE FROM "${table}" WHERE "groupId" = $1::uuid`, [issue.id]);
}
