import { alertUrl } from "@/lib/alerts/notify/notificationContext";
import { publicLink } from "@/lib/http/publicLink";
import { pool } from "@/lib/db/pool";
import { notificationEmail, type EmailedNotification } from "@/lib/notifications/notificationEmail";
import { openToMemberSql } from "@/lib/notifications/openToMember";
import { sendPersonalEmail } from "@/lib/notifications/sendPersonalEmail";
import { unsubscribeLinks } from "@/lib/notifications/unsubscribeLinks";
import { groupBy } from "@/lib/text/groupBy";
import type { NotificationKind } from "@/lib/notifications/notificationKinds";

export const NOTIFICATION_EMAILS_JOB = "notification-emails";

/** A pending email older than this is not sent any more (SMTP was down, or configured only later). */
const EXPIRE_AFTER_MS = 60 * 60_000;
const MAX_ATTEMPTS = 5;
const BATCH = 500;
/** The person still belongs to the notification's workspace: nothing of a workspace is emailed to someone removed from it. */
const stillMemberSql = `EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = n."userId" AND m."workspaceId" = n."workspaceId")`;

export interface NotificationEmailOptions {
  now: Date;
  smtpUrl: string | undefined;
  from: string;
  publicUrl: string | undefined;
  timeoutMs: number;
  /** Only these people's (a test's own). */
  userIds?: string[];
}

interface PendingRow {
  id: string;
  userId: string;
  email: string;
  kind: NotificationKind;
  actorName: string | null;
  detail: Record<string, unknown>;
  workspaceId: string;
  groupId: string | null;
  alertId: string | null;
  type: string | null;
  message: string | null;
  /** The issue's project, the alert's, or the workspace's name. */
  placeName: string;
}

/**
 * The notification-emails job: one email per person for their pending notifications (those whose
 * kind they want by email), through the instance's SMTP server (SMTP_URL). Sent ones are marked
 * `sent`; a failed send is tried again next turn, up to five times; anything pending for an hour is
 * `expired` instead (so configuring SMTP later does not send a backlog; so do those of a workspace
 * the person may not open until they turn on two-factor sign-in). Those of a workspace the person no
 * longer belongs to are never sent: expired at once (removal expires them too). Without SMTP_URL only the expiry runs. At least once: a crash between the send and the mark sends that email again.
 */
export async function sendNotificationEmails(options: NotificationEmailOptions): Promise<{ sent: number; failed: number }> {
  const db = pool();
  const only = options.userIds ?? null;
  await db.query(
    `UPDATE "UserNotification" n SET "emailState" = 'expired'
      WHERE n."emailState" = 'pending' AND ($2::uuid[] IS NULL OR n."userId" = ANY($2::uuid[]))
        AND (n."createdAt" < $1 OR NOT ${stillMemberSql})`,
    [new Date(options.now.getTime() - EXPIRE_AFTER_MS), only],
  );
  if (!options.smtpUrl) return { sent: 0, failed: 0 };
  const { rows } = await db.query<PendingRow>(
    `SELECT n.id, n."userId", u.email, n.kind, a.name AS "actorName", n.detail, n."workspaceId", n."groupId", n."alertId", g.type, g.message,
            coalesce(p.name, w.name) AS "placeName"
       FROM "UserNotification" n
       JOIN "User" u ON u.id = n."userId"
       JOIN "Workspace" w ON w.id = n."workspaceId"
       LEFT JOIN "ErrorGroup" g ON g.id = n."groupId"
       LEFT JOIN "Alert" al ON al.id = n."alertId"
       LEFT JOIN "Project" p ON p.id = coalesce(g."projectId", al."projectId")
       LEFT JOIN "User" a ON a.id = n."actorId"
      WHERE n."emailState" = 'pending' AND ($1::uuid[] IS NULL OR n."userId" = ANY($1::uuid[]))
        AND ${stillMemberSql} AND ${openToMemberSql(`n."userId"`, `n."workspaceId"`)}
      ORDER BY n."createdAt"
      LIMIT ${BATCH}`,
    [only],
  );
  const server = { smtpUrl: options.smtpUrl, from: options.from, timeoutMs: options.timeoutMs };
  const byUser = groupBy(rows, (row) => row.userId);
  let sent = 0;
  let failed = 0;
  for (const items of byUser.values()) {
    const unsubscribe = unsubscribeLinks(options.publicUrl, { userId: items[0].userId, kinds: items.map((i) => i.kind) });
    const outcome = await sendPersonalEmail(server, {
      to: items[0].email,
      carries: [...new Set(items.map((i) => i.kind))].join(","),
      message: notificationEmail(items.map(toEmailed(options.publicUrl)), publicLink(options.publicUrl, "/account#notifications"), unsubscribe?.page ?? null),
      unsubscribe,
    });
    const ids = items.map((i) => i.id);
    if (outcome.ok) {
      sent++;
      await db.query(`UPDATE "UserNotification" SET "emailState" = 'sent', "emailAttempts" = "emailAttempts" + 1 WHERE id = ANY($1::uuid[])`, [ids]);
    } else {
      failed++;
      await db.query(
        `UPDATE "UserNotification" SET "emailAttempts" = "emailAttempts" + 1,
                "emailState" = CASE WHEN $2 AND "emailAttempts" + 1 < ${MAX_ATTEMPTS} THEN 'pending' ELSE 'failed' END
          WHERE id = ANY($1::uuid[])`,
        [ids, outcome.retryable],
      );
    }
  }
  return { sent, failed };
}

const toEmailed =
  (publicUrl: string | undefined) =>
  (row: PendingRow): EmailedNotification => ({
    kind: row.kind,
    actorName: row.actorName,
    detail: row.detail,
    issue: row.type !== null && row.message !== null ? { type: row.type, message: row.message } : null,
    placeName: row.placeName,
    url: row.alertId ? alertUrl(publicUrl, { workspaceId: row.workspaceId, alertId: row.alertId, errorId: row.groupId }) : row.groupId ? publicLink(publicUrl, `/errors/${row.groupId}`) : null,
  });

