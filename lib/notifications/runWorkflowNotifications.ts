import type { PoolClient } from "pg";
import { pool, withTransaction } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { groupBy } from "@/lib/text/groupBy";
import { chooseRecipients, type ParticipationReason, type Recipient } from "@/lib/notifications/chooseRecipients";
import { mentionedMembers, type MentionableMember } from "@/lib/notifications/commentMentions";
import { DEFAULT_PREFERENCES, NOTIFICATION_KINDS, type NotificationPreferences } from "@/lib/notifications/notificationKinds";
import { auditSources, commentSources, type IssueAuditEntry, type IssueComment, type WorkflowSource } from "@/lib/notifications/workflowSources";

export const WORKFLOW_NOTIFICATIONS_JOB = "workflow-notifications";
/** How far behind its cursor a run reads again: an audit entry is stamped when its transaction starts, and may commit later. */
const LOOKBACK_MS = 120_000;
/** How much of the past one run reads at most (a backlog after downtime is read over several runs). */
const MAX_WINDOW_MS = 10 * 60_000;

export interface WorkflowRunOutcome {
  sources: number;
  created: number;
}

/**
 * The workflow-notifications job: reads the issues' audit entries (assignments, regressions,
 * resolutions) and comments since its cursor, less a lookback for late commits, skipping those it
 * handled already (NotificationSource), and gives each person told of them one UserNotification per
 * source (also unique per person and source). Who takes part in an issue is read as its source is
 * handled, once. Runs under the job's advisory lock: one instance at a time.
 * Nothing on the ingest path waits for it; a notification appears within a run of its cause.
 */
export async function runWorkflowNotifications(): Promise<WorkflowRunOutcome> {
  const db = pool();
  const { rows: [clock] } = await db.query<{ now: Date; position: Date | null }>(
    `SELECT now() AS now, (SELECT position FROM "JobCursor" WHERE name = $1) AS position`,
    [WORKFLOW_NOTIFICATIONS_JOB],
  );
  const from = new Date((clock.position ?? clock.now).getTime() - LOOKBACK_MS);
  const to = new Date(Math.min(clock.now.getTime(), from.getTime() + LOOKBACK_MS + MAX_WINDOW_MS));

  const [audit, comments] = await Promise.all([
    db.query<IssueAuditEntry & { at: Date }>(
      `SELECT a.id, a."workspaceId", a."targetId" AS "groupId", a."actorId", a."actorType", a.action, a.after, a.at
         FROM "AuditLog" a
        WHERE a."targetType" = 'error' AND a.at > $1 AND a.at <= $2
          AND (a.action IN ('error.regressed', 'error.resolved', 'error.auto_assigned') OR a.after ? 'assigneeId' OR a.after ? 'assigneeTeamId')
          AND a."targetId" ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          AND NOT EXISTS (SELECT 1 FROM "NotificationSource" s WHERE s."sourceId" = a.id)`,
      [from, to],
    ),
    db.query<IssueComment & { at: Date }>(
      `SELECT c.id, c."workspaceId", c."groupId", c."authorId", c.body, c."createdAt" AS at
         FROM "ErrorComment" c
        WHERE c."createdAt" > $1 AND c."createdAt" <= $2 AND NOT EXISTS (SELECT 1 FROM "NotificationSource" s WHERE s."sourceId" = c.id)`,
      [from, to],
    ),
  ]);

  const mentionable = await membersOf([...new Set(comments.rows.filter((c) => c.body.includes("@")).map((c) => c.workspaceId))]);
  const sources: WorkflowSource[] = [
    ...audit.rows.flatMap(auditSources),
    ...comments.rows.flatMap((c) => commentSources(c, mentionedMembers(c.body, mentionable.get(c.workspaceId) ?? []))),
  ];
  const notifications = sources.length > 0 ? await recipientsOf(sources) : [];
  const handled = [...audit.rows, ...comments.rows];
  // The notifications, the sources marked handled and the cursor land together; sources the window
  // can no longer reach are forgotten.
  const created = await withTransaction(async (client) => {
    const inserted = notifications.length > 0 ? await insertNotifications(client, notifications) : 0;
    if (handled.length > 0) {
      await client.query(
        `INSERT INTO "NotificationSource" ("sourceId", "sourceAt") SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING`,
        [handled.map((h) => h.id), handled.map((h) => h.at)],
      );
    }
    await client.query(`DELETE FROM "NotificationSource" WHERE "sourceAt" <= $1`, [from]);
    await client.query(
      `INSERT INTO "JobCursor" (name, position) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET position = greatest("JobCursor".position, excluded.position)`,
      [WORKFLOW_NOTIFICATIONS_JOB, to],
    );
    return inserted;
  });
  return { sources: sources.length, created };
}

type Chosen = { source: WorkflowSource; recipient: Recipient };

/** Who is told of each source, and how: most direct first, each person once per source. */
async function recipientsOf(sources: WorkflowSource[]): Promise<Chosen[]> {
  const db = pool();
  const participantGroups = [...new Set(sources.filter((s) => s.audience === "participants").map((s) => s.groupId))];
  const workspaceIds = [...new Set(sources.map((s) => s.workspaceId))];
  const teamIds = [...new Set(sources.flatMap((s) => (s.audience === "participants" ? [] : s.audience.teams)))];
  const [participants, teams, members] = await Promise.all([
    participantsOf(participantGroups),
    db.query<{ teamId: string; userId: string }>(`SELECT "teamId", "userId" FROM "TeamMember" WHERE "teamId" = ANY($1::uuid[])`, [teamIds]),
    db.query<{ workspaceId: string; userId: string }>(`SELECT "workspaceId", "userId" FROM "Membership" WHERE "workspaceId" = ANY($1::uuid[])`, [workspaceIds]),
  ]);
  const teamMembers = new Map([...groupBy(teams.rows, (r) => r.teamId)].map(([teamId, list]) => [teamId, list.map((r) => r.userId)]));
  const membersByWorkspace = new Map([...groupBy(members.rows, (r) => r.workspaceId)].map(([workspaceId, list]) => [workspaceId, new Set(list.map((r) => r.userId))]));
  const preferences = await preferencesOf([...new Set(members.rows.map((r) => r.userId))]);

  // Most direct first: a person is told once per source, of the first kind that names them.
  const chosen = new Map<string, Chosen>();
  for (const source of sources) {
    const ctx = { participants: participants.get(source.groupId) ?? new Map(), teamMembers, members: membersByWorkspace.get(source.workspaceId) ?? new Set<string>(), preferences };
    for (const recipient of chooseRecipients(source, ctx)) {
      const key = `${recipient.userId}:${source.sourceId}`;
      if (!chosen.has(key)) chosen.set(key, { source, recipient });
    }
  }
  return [...chosen.values()];
}

async function insertNotifications(client: PoolClient, rows: Chosen[]): Promise<number> {
  const result = await client.query(
    `INSERT INTO "UserNotification" (id, "userId", "workspaceId", "groupId", kind, "actorId", "sourceId", detail, "emailState")
     SELECT r.id, r."userId", r."workspaceId", r."groupId", r.kind, r."actorId", r."sourceId", r.detail, r."emailState"
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::"NotificationKind"[], $6::uuid[], $7::uuid[], $8::jsonb[], $9::text[])
            AS r(id, "userId", "workspaceId", "groupId", kind, "actorId", "sourceId", detail, "emailState")
      WHERE EXISTS (SELECT 1 FROM "ErrorGroup" g WHERE g.id = r."groupId")
     ON CONFLICT ("userId", "sourceId") DO NOTHING`,
    [
      rows.map(() => uuidv7()),
      rows.map((r) => r.recipient.userId),
      rows.map((r) => r.source.workspaceId),
      rows.map((r) => r.source.groupId),
      rows.map((r) => r.recipient.kind),
      rows.map((r) => r.source.actorId),
      rows.map((r) => r.source.sourceId),
      rows.map((r) => JSON.stringify(r.source.detail)),
      rows.map((r) => (r.recipient.delivery === "email" ? "pending" : null)),
    ],
  );
  return result.rowCount ?? 0;
}

/**
 * The people taking part in each issue: its assignee, the members of its team, whoever commented on
 * it or resolved it last, and whoever chose to follow it — less whoever chose to stop following it,
 * and whoever muted its project without choosing to follow it.
 */
async function participantsOf(groupIds: string[]): Promise<Map<string, Map<string, Set<ParticipationReason>>>> {
  const out = new Map<string, Map<string, Set<ParticipationReason>>>();
  if (groupIds.length === 0) return out;
  const { rows } = await pool().query<{ groupId: string; userId: string; reason: ParticipationReason }>(
    `SELECT g.id AS "groupId", p."userId", p.reason
       FROM "ErrorGroup" g
       CROSS JOIN LATERAL (
             SELECT g."assigneeId" AS "userId", 'assignee' AS reason WHERE g."assigneeId" IS NOT NULL
         UNION SELECT tm."userId", 'team' FROM "TeamMember" tm WHERE tm."teamId" = g."assigneeTeamId"
         UNION SELECT c."authorId", 'commenter' FROM "ErrorComment" c WHERE c."groupId" = g.id AND c."authorId" IS NOT NULL
         UNION SELECT g."resolvedById", 'resolver' WHERE g."resolvedById" IS NOT NULL
         UNION SELECT s."userId", 'subscriber' FROM "IssueSubscription" s WHERE s."groupId" = g.id AND s.subscribed
       ) p
      WHERE g.id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM "IssueSubscription" u WHERE u."groupId" = g.id AND u."userId" = p."userId" AND NOT u.subscribed)
        AND (p.reason = 'subscriber' OR NOT EXISTS (SELECT 1 FROM "ProjectMute" pm WHERE pm."userId" = p."userId" AND pm."projectId" = g."projectId"))`,
    [groupIds],
  );
  for (const row of rows) {
    const group = out.get(row.groupId) ?? new Map<string, Set<ParticipationReason>>();
    group.set(row.userId, (group.get(row.userId) ?? new Set<ParticipationReason>()).add(row.reason));
    out.set(row.groupId, group);
  }
  return out;
}

async function membersOf(workspaceIds: string[]): Promise<Map<string, MentionableMember[]>> {
  if (workspaceIds.length === 0) return new Map();
  const { rows } = await pool().query<MentionableMember & { workspaceId: string }>(
    `SELECT m."workspaceId", u.id AS "userId", u.email, u.name FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."workspaceId" = ANY($1::uuid[])`,
    [workspaceIds],
  );
  return groupBy(rows, (r) => r.workspaceId);
}

async function preferencesOf(userIds: string[]): Promise<Map<string, NotificationPreferences>> {
  const out = new Map<string, NotificationPreferences>();
  if (userIds.length === 0) return out;
  const { rows } = await pool().query<NotificationPreferences & { userId: string }>(
    `SELECT "userId", ${NOTIFICATION_KINDS.map((k) => `"${k}"`).join(", ")} FROM "NotificationSettings" WHERE "userId" = ANY($1::uuid[])`,
    [userIds],
  );
  for (const { userId, ...prefs } of rows) out.set(userId, { ...DEFAULT_PREFERENCES, ...prefs });
  return out;
}
