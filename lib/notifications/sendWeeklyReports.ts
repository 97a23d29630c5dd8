import type { AuthContext } from "@/lib/auth/AuthContext";
import { pool } from "@/lib/db/pool";
import type { Role } from "@/lib/generated/prisma/enums";
import { openToMemberSql } from "@/lib/notifications/openToMember";
import { sendPersonalEmail } from "@/lib/notifications/sendPersonalEmail";
import { unsubscribeLinks } from "@/lib/notifications/unsubscribeLinks";
import { weeklyReportEmail, type WeeklyReportIssue } from "@/lib/notifications/weeklyReportEmail";
import { weeklyReportDue } from "@/lib/notifications/weeklyReportWeek";
import { getReport } from "@/lib/reports/getReport";
import { groupBy } from "@/lib/text/groupBy";

const DAY = 86_400_000;
/** Recipients handled per turn (the rest next turn: the job runs every 15 minutes on Mondays). */
const BATCH = 2_000;

export interface WeeklyReportOptions {
  now: Date;
  smtpUrl: string | undefined;
  from: string;
  publicUrl: string | undefined;
  timeoutMs: number;
  /** Only these workspaces (a test's own). */
  workspaceIds?: string[];
}

interface Recipient {
  workspaceId: string;
  role: Role;
  userId: string;
  email: string;
  name: string;
}

/**
 * The weekly-reports job: on Monday from 08:00 UTC, each member of each workspace (unless they turned
 * it off) gets one email on the week that ended at midnight — totals against the week before, the
 * top issues, the open issues assigned to them or their teams. At most once per person, workspace
 * and week (`WeeklyReportSent`, written before the send; a failed send removes it and ends the turn,
 * to try again next one); a workspace without events that week sends nothing. A person who muted
 * some of the workspace's projects gets the report of the others (it names those it leaves out), and
 * none when they muted them all; their own open issues are listed whatever the project, as an
 * assignment tells them of a muted project's issue too. Needs SMTP_URL.
 */
export async function sendWeeklyReports(options: WeeklyReportOptions): Promise<{ sent: number; failed: number; quiet: number }> {
  const outcome = { sent: 0, failed: 0, quiet: 0 };
  const due = weeklyReportDue(options.now);
  if (!due || !options.smtpUrl) return outcome;
  const server = { smtpUrl: options.smtpUrl, from: options.from, timeoutMs: options.timeoutMs };
  const db = pool();
  const { rows } = await db.query<Recipient>(
    `SELECT m."workspaceId", m.role, u.id AS "userId", u.email, u.name
       FROM "Membership" m
       JOIN "User" u ON u.id = m."userId"
       LEFT JOIN "NotificationSettings" s ON s."userId" = u.id
      WHERE coalesce(s."weeklyReport", true)
        AND ($2::uuid[] IS NULL OR m."workspaceId" = ANY($2::uuid[]))
        AND NOT EXISTS (SELECT 1 FROM "WeeklyReportSent" w WHERE w."userId" = u.id AND w."workspaceId" = m."workspaceId" AND w."weekStart" = $1::date)
        AND ${openToMemberSql("u.id", `m."workspaceId"`)}
      ORDER BY m."workspaceId", u.id
      LIMIT ${BATCH}`,
    [due.weekStart, options.workspaceIds ?? null],
  );
  const byWorkspace = groupBy(rows, (r) => r.workspaceId);

  for (const [workspaceId, recipients] of byWorkspace) {
    const [projects, mutes] = await Promise.all([
      db.query<{ id: string; name: string }>(`SELECT id, name FROM "Project" WHERE "workspaceId" = $1 ORDER BY "createdAt", id`, [workspaceId]),
      db.query<{ userId: string; projectId: string }>(
        `SELECT pm."userId", pm."projectId" FROM "ProjectMute" pm JOIN "Project" p ON p.id = pm."projectId" WHERE p."workspaceId" = $1 AND pm."userId" = ANY($2::uuid[])`,
        [workspaceId, recipients.map((r) => r.userId)],
      ),
    ]);
    // Readers who muted the same projects share one report; most muted none.
    const mutedBy = groupBy(mutes.rows, (m) => m.userId);
    const audiences = groupBy(recipients, (r) => {
      const muted = new Set((mutedBy.get(r.userId) ?? []).map((m) => m.projectId));
      return projects.rows.filter((p) => muted.has(p.id)).map((p) => p.id).join(",");
    });
    for (const [mutedKey, audience] of audiences) {
      const muted = new Set(mutedKey ? mutedKey.split(",") : []);
      const scope = {
        projectIds: muted.size ? projects.rows.filter((p) => !muted.has(p.id)).map((p) => p.id) : null,
        mutedNames: projects.rows.filter((p) => muted.has(p.id)).map((p) => p.name),
      };
      if ((await sendToAudience(options, server, due, workspaceId, audience, scope, outcome)) === "refused") return outcome;
    }
  }
  return outcome;
}

/**
 * One workspace's report for the readers who muted the same projects (`projectIds`: the ones left;
 * null: every project), sent to each once. "refused": the SMTP server refused, try again next turn.
 */
async function sendToAudience(
  options: WeeklyReportOptions,
  server: { smtpUrl: string; from: string; timeoutMs: number },
  due: { weekStart: Date; weekEnd: Date },
  workspaceId: string,
  recipients: Recipient[],
  scope: { projectIds: string[] | null; mutedNames: string[] },
  outcome: { sent: number; failed: number; quiet: number },
): Promise<"refused" | "done"> {
  const db = pool();
  const markSent = (userIds: string[]) =>
    db.query(
      `INSERT INTO "WeeklyReportSent" ("userId", "workspaceId", "weekStart") SELECT unnest($1::uuid[]), $2::uuid, $3::date ON CONFLICT DO NOTHING RETURNING "userId"`,
      [userIds, workspaceId, due.weekStart],
    );
  const reader: AuthContext = { kind: "user", userId: recipients[0].userId, email: recipients[0].email, name: recipients[0].name, memberships: [{ workspaceId, role: recipients[0].role }] };
  const report =
    scope.projectIds?.length === 0
      ? null // every project muted: nothing of the workspace is wanted
      : await getReport(reader, workspaceId, { since: due.weekStart.toISOString(), until: due.weekEnd.toISOString(), format: "json" }, options.now, scope.projectIds);
  if (!report || report.totals.events === 0) {
    // A quiet week: nothing to tell, and nothing to work out again next turn.
    outcome.quiet += (await markSent(recipients.map((r) => r.userId))).rowCount ?? 0;
    return "done";
  }
  const [previous, assigned, teams] = await Promise.all([
    db.query<{ events: number }>(
      `SELECT coalesce(sum(count), 0)::int AS events FROM "ErrorHourly"
        WHERE "workspaceId" = $1 AND bucket >= $2 AND bucket < $3 AND ($4::uuid[] IS NULL OR "projectId" = ANY($4::uuid[]))`,
      [workspaceId, new Date(due.weekStart.getTime() - 7 * DAY), due.weekStart, scope.projectIds],
    ),
    // Assignments name the person: listed whatever the project, muted or not.
    db.query<WeeklyReportIssue & { assigneeId: string | null; assigneeTeamId: string | null }>(
      `SELECT g.id, g.type, g.message, g.status::text AS status, g."assigneeId", g."assigneeTeamId", t.events
         FROM (SELECT "groupId", sum(count)::int AS events FROM "ErrorHourly" WHERE "workspaceId" = $1 AND bucket >= $2 AND bucket < $3 GROUP BY 1) t
         JOIN "ErrorGroup" g ON g.id = t."groupId"
        WHERE g.status IN ('new', 'acknowledged', 'investigating') AND (g."assigneeId" IS NOT NULL OR g."assigneeTeamId" IS NOT NULL)
        ORDER BY t.events DESC, g.id`,
      [workspaceId, due.weekStart, due.weekEnd],
    ),
    db.query<{ teamId: string; userId: string }>(`SELECT tm."teamId", tm."userId" FROM "TeamMember" tm JOIN "Team" t ON t.id = tm."teamId" WHERE t."workspaceId" = $1`, [workspaceId]),
  ]);
  const topIssues = report.topErrors.slice(0, 5).map((e) => ({ id: e.id, type: e.type, message: e.message, events: e.events, status: e.status }));
  for (const r of recipients) {
    const claimed = await markSent([r.userId]);
    if (claimed.rowCount === 0) continue; // another turn sent it meanwhile
    const myTeams = new Set(teams.rows.filter((t) => t.userId === r.userId).map((t) => t.teamId));
    const yours = assigned.rows.filter((i) => i.assigneeId === r.userId || (i.assigneeTeamId !== null && myTeams.has(i.assigneeTeamId))).slice(0, 10);
    const unsubscribe = unsubscribeLinks(options.publicUrl, { userId: r.userId, weeklyReport: true });
    const message = weeklyReportEmail({
      workspaceName: report.workspace.name,
      workspaceId,
      weekStart: due.weekStart,
      weekEnd: due.weekEnd,
      totals: report.totals,
      previousEvents: previous.rows[0].events,
      topIssues,
      yours,
      mutedProjects: scope.mutedNames,
      publicUrl: options.publicUrl,
      unsubscribeUrl: unsubscribe?.page ?? null,
    });
    const sent = await sendPersonalEmail(server, { to: r.email, carries: "weekly-report", message, unsubscribe });
    if (sent.ok) {
      outcome.sent++;
    } else {
      // The SMTP server is likely refusing everyone: try again next turn, not once per person now.
      outcome.failed++;
      await db.query(`DELETE FROM "WeeklyReportSent" WHERE "userId" = $1 AND "workspaceId" = $2 AND "weekStart" = $3::date`, [r.userId, workspaceId, due.weekStart]);
      return "refused";
    }
  }
  return "done";
}
