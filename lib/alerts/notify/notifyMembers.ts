import type { SendOutcome } from "@/lib/alerts/notify/backoff";
import type { NotificationContext } from "@/lib/alerts/notify/notificationContext";
import type { MembersConfig } from "@/lib/alerts/channels/channelConfigSchemas";
import { pool } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { requestJobTurn } from "@/lib/jobs/startJobs";
import { NOTIFICATION_EMAILS_JOB } from "@/lib/notifications/sendNotificationEmails";
import { DEFAULT_PREFERENCES } from "@/lib/notifications/notificationKinds";
import { errorMessage } from "@/lib/text/errorMessage";

/**
 * A "Faultline members" channel's delivery: one `alert` notification for each person it names — the
 * members, the members of the teams, and with `assignee` the assignee or every member of its
 * team — who is a member of the workspace now, has not unfollowed the issue, has not muted its project
 * (unless they follow the issue) and has not turned alert notifications off; by email too when they
 * want it (the notification-emails job sends it, asked for a turn at once). Unique per person and
 * delivery, so a retried delivery tells nobody twice. Never throws.
 */
export async function notifyMembers(config: MembersConfig, ctx: NotificationContext, sourceId: string): Promise<SendOutcome> {
  const started = Date.now();
  const groupId = ctx.error?.id ?? null;
  const projectId = ctx.project?.id ?? null;
  try {
    const db = pool();
    const { rows } = await db.query<{ userId: string; delivery: "inbox" | "email" }>(
      `WITH named AS (
             SELECT unnest($1::uuid[]) AS "userId"
       UNION SELECT tm."userId" FROM "TeamMember" tm JOIN "Team" t ON t.id = tm."teamId" WHERE tm."teamId" = ANY($2::uuid[]) AND t."workspaceId" = $3
       UNION SELECT g."assigneeId" FROM "ErrorGroup" g WHERE $4 AND g.id = $5 AND g."assigneeId" IS NOT NULL
       UNION SELECT tm."userId" FROM "ErrorGroup" g JOIN "TeamMember" tm ON tm."teamId" = g."assigneeTeamId" WHERE $4 AND g.id = $5
       )
       SELECT n."userId", coalesce(s.alert, $6::"NotificationDelivery")::text AS delivery
         FROM named n
         JOIN "Membership" m ON m."userId" = n."userId" AND m."workspaceId" = $3
         LEFT JOIN "NotificationSettings" s ON s."userId" = n."userId"
         LEFT JOIN "IssueSubscription" u ON u."groupId" = $5 AND u."userId" = n."userId"
        WHERE coalesce(s.alert, $6::"NotificationDelivery") <> 'off'
          -- Unfollowed: never; followed: always; no choice: unless the project is muted.
          AND u.subscribed IS NOT FALSE
          AND (u.subscribed OR NOT EXISTS (SELECT 1 FROM "ProjectMute" pm WHERE pm."userId" = n."userId" AND pm."projectId" = $7))`,
      [config.userIds ?? [], config.teamIds ?? [], ctx.workspace.id, config.assignee === true, groupId, DEFAULT_PREFERENCES.alert, projectId],
    );
    const detail = JSON.stringify({ title: ctx.alert.title, severity: ctx.alert.severity, stage: ctx.stage, ruleName: ctx.alert.ruleName, ...(ctx.test && { test: true }) });
    if (rows.length > 0) {
      await db.query(
        `INSERT INTO "UserNotification" (id, "userId", "workspaceId", "groupId", "alertId", kind, "sourceId", detail, "emailState")
         SELECT r.id, r."userId", $3, g.id, a.id, 'alert', $6, $7::jsonb, r."emailState"
           FROM unnest($1::uuid[], $2::uuid[], $8::text[]) AS r(id, "userId", "emailState")
           LEFT JOIN "ErrorGroup" g ON g.id = $4
           LEFT JOIN "Alert" a ON a.id = $5
         ON CONFLICT ("userId", "sourceId") DO NOTHING`,
        [rows.map(() => uuidv7()), rows.map((r) => r.userId), ctx.workspace.id, groupId, ctx.test ? null : ctx.alert.id, sourceId, detail, rows.map((r) => (r.delivery === "email" ? "pending" : null))],
      );
      // An alert's email goes out now, not at the job's next turn (up to NOTIFICATION_EMAIL_INTERVAL_MS).
      if (rows.some((r) => r.delivery === "email")) requestJobTurn(NOTIFICATION_EMAILS_JOB);
    }
    if (ctx.test && rows.length === 0) {
      return { ok: false, error: "nobody to tell: no member this channel names wants alert notifications", retryable: false, durationMs: Date.now() - started };
    }
    return { ok: true, durationMs: Date.now() - started, retryable: false };
  } catch (error) {
    return { ok: false, error: `could not store the notifications: ${errorMessage(error)}`, retryable: true, durationMs: Date.now() - started };
  }
}
