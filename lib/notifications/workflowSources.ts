import type { NotificationKind } from "@/lib/notifications/notificationKinds";

/** An issue's audit entry as the workflow-notifications job reads it. */
export interface IssueAuditEntry {
  id: string;
  workspaceId: string;
  groupId: string;
  actorId: string | null;
  actorType: string;
  action: string;
  after: unknown;
}

/** An issue's comment as the job reads it. */
export interface IssueComment {
  id: string;
  workspaceId: string;
  groupId: string;
  authorId: string | null;
  body: string;
}

/** Who hears of a source: named people, a team's members, or the issue's participants. */
export type Audience = { users: string[]; teams: string[] } | "participants";

/** One thing that happened to an issue, and who hears of it. */
export interface WorkflowSource {
  sourceId: string;
  workspaceId: string;
  groupId: string;
  actorId: string | null;
  kind: NotificationKind;
  audience: Audience;
  detail: Record<string, string>;
}

const EXCERPT = 160;

/**
 * What an audit entry tells people, most direct first (a person is told once per source: the
 * assignee of a "resolve and assign" hears of the assignment): a person or team now assigned (by
 * someone, a bulk action or an assignment rule), a regression, a person's resolution.
 */
export function auditSources(entry: IssueAuditEntry): WorkflowSource[] {
  const base = { sourceId: entry.id, workspaceId: entry.workspaceId, groupId: entry.groupId, actorId: entry.actorId };
  const after = entry.after && typeof entry.after === "object" && !Array.isArray(entry.after) ? (entry.after as Record<string, unknown>) : {};
  const out: WorkflowSource[] = [];
  const users = typeof after.assigneeId === "string" ? [after.assigneeId] : [];
  const teams = typeof after.assigneeTeamId === "string" ? [after.assigneeTeamId] : [];
  if (users.length || teams.length) {
    const detail: Record<string, string> = {};
    if (entry.action === "error.auto_assigned" && typeof after.ruleName === "string") detail.ruleName = after.ruleName.slice(0, 200);
    out.push({ ...base, kind: "assigned", audience: { users, teams }, detail });
  }
  if (entry.action === "error.regressed") out.push({ ...base, kind: "regressed", audience: "participants", detail: {} });
  if (entry.action === "error.resolved" && entry.actorType === "user" && entry.actorId) out.push({ ...base, kind: "resolved", audience: "participants", detail: {} });
  return out;
}

/** A comment names its mentioned members first, then tells the issue's participants. */
export function commentSources(comment: IssueComment, mentioned: string[]): WorkflowSource[] {
  const base = { sourceId: comment.id, workspaceId: comment.workspaceId, groupId: comment.groupId, actorId: comment.authorId };
  const detail = { excerpt: excerptOf(comment.body) };
  const out: WorkflowSource[] = [];
  if (mentioned.length) out.push({ ...base, kind: "mentioned", audience: { users: mentioned, teams: [] }, detail });
  out.push({ ...base, kind: "commented", audience: "participants", detail });
  return out;
}

function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}
