import { unassignReasonText } from "@/lib/assignment/unassignReasons";
import type { AuditItem } from "@/lib/audit/listAudit";
import { issueTitle } from "@/lib/domain/issueTitle";

const ACTION_LABELS: Record<string, string> = {
  "setup.completed": "set up Faultline",
  "workspace.created": "created the workspace",
  "workspace.updated": "renamed the workspace",
  "project.created": "created a project",
  "project.updated": "changed a project",
  "project.deleted": "deleted a project",
  "ingest_key.created": "created an ingest key",
  "ingest_key.revoked": "revoked an ingest key",
  "ingest_key.revealed": "revealed an ingest key (its DSN)",
  "invitation.created": "invited someone",
  "invitation.revoked": "withdrew an invitation",
  "invitation.accepted": "accepted an invitation",
  "member.added": "added a member",
  "member.role_changed": "changed a role",
  "member.removed": "removed a member",
  "member.left": "left the workspace",
  "user.password_changed": "changed their password",
  "user.password_reset": "reset their password",
  "user.password_reset_link_created": "made a password reset link",
  "user.sessions_revoked": "signed out other sessions",
  "user.renamed": "changed their name",
  "user.api_token_created": "created an API token",
  "user.api_token_revoked": "revoked an API token",
  "user.sso_linked": "linked single sign-on to their account",
  "user.sso_unlinked": "unlinked single sign-on from their account",
  "team.created": "created a team",
  "team.updated": "changed a team",
  "team.deleted": "deleted a team",
  "assignment_rule.created": "added an assignment rule",
  "assignment_rule.updated": "changed an assignment rule",
  "assignment_rule.deleted": "deleted an assignment rule",
  "error.auto_assigned": "assigned an issue by rule",
  "error.regressed": "reopened an issue (regression)",
  "error.resolved": "resolved an issue",
  "error.ignored": "ignored an issue",
  "error.new": "reopened an issue",
  "error.reopened": "reopened an issue",
  "error.acknowledged": "acknowledged an issue",
  "error.investigating": "started investigating an issue",
  "error.updated": "changed an issue",
  "error.merged": "merged issues into one",
  "error.merged_into": "merged an issue into another",
  "error.unmerged": "moved events out of an issue",
  "error.split_from": "opened an issue from another's events",
  "error.deleted": "deleted an issue with its events",
  "end_user.erasure_requested": "asked to erase an end user's data",
  "end_user.erased": "erased an end user's data",
  "alert.acknowledged": "acknowledged an alert",
  "alert.resolved": "closed an alert",
  "alert_rule.created": "added an alert rule",
  "alert_rule.updated": "changed an alert rule",
  "alert_rule.deleted": "deleted an alert rule",
  "notification_channel.created": "added a notification channel",
  "notification_channel.updated": "changed a notification channel",
  "notification_channel.deleted": "deleted a notification channel",
  "notification_channel.tested": "sent a test notification",
  "forwarding_rule.created": "added a forwarding rule",
  "forwarding_rule.updated": "changed a forwarding rule",
  "forwarding_rule.deleted": "deleted a forwarding rule",
  "project.grouping_rules_updated": "changed a project's grouping rules",
  "monitor.updated": "changed a cron monitor",
  "monitor.deleted": "deleted a cron monitor",
};

/** "Ann changed a role" — the actor, a readable verb and, for an issue, the page it links to and its title. */
export function describeAudit(item: AuditItem): { actor: string; verb: string; href: string | null; issueTitle: string | null } {
  const actor = item.actor ? item.actor.name || item.actor.email : item.actorType === "cli" ? "Admin CLI" : "Faultline";
  const verb = assignmentVerb(item) ?? ACTION_LABELS[item.action] ?? item.action.replace(/[._]/g, " ");
  // A deleted issue's page is gone (its id may open a new issue of the same fingerprint later).
  const href = item.targetType === "error" && item.targetId && item.action !== "error.deleted" ? `/errors/${encodeURIComponent(item.targetId)}` : null;
  return { actor, verb, href, issueTitle: item.issue ? issueTitle(item.issue) : null };
}

/**
 * An issue change that only (un)assigned it, in words: "assigned an issue to Ana", "unassigned an
 * issue" (with why, when Faultline took someone off it: "… (the assignee left the workspace)").
 */
function assignmentVerb(item: AuditItem): string | null {
  if (item.action !== "error.updated") return null;
  const after = (item.after ?? {}) as Record<string, unknown>;
  const fields = Object.keys(after).filter((f) => f !== "reason");
  if (fields.length === 0 || !fields.every((f) => f === "assigneeId" || f === "assigneeTeamId")) return null;
  const to = fields.map((f) => after[f]).filter((id): id is string => typeof id === "string");
  const why = unassignReasonText(after.reason);
  if (to.length === 0) return `unassigned an issue${why ? ` (${why})` : ""}`;
  const names = to.map((id) => (id === item.actor?.id ? "themselves" : item.names[id])).filter(Boolean);
  return names.length === to.length ? `assigned an issue to ${names.join(" and ")}` : "assigned an issue";
}

/** Fields that hold ids read as the person's, team's or project's name (the API resolves them). */
const ID_FIELDS: Record<string, { label: string; gone: string }> = {
  assigneeId: { label: "assignee", gone: "a former member" },
  assigneeTeamId: { label: "team", gone: "a deleted team" },
  userId: { label: "user", gone: "a deleted account" },
  projectId: { label: "project", gone: "a deleted project" },
};

/** The fields an entry changed, as short "field: before → after" strings. */
export function auditChanges(item: AuditItem): string[] {
  const before = (item.before ?? {}) as Record<string, unknown>;
  const after = (item.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].slice(0, 6);
  const show = (key: string, v: unknown) => {
    const idField = ID_FIELDS[key];
    if (idField) return v === null || v === undefined ? "nobody" : typeof v === "string" ? item.names[v] ?? idField.gone : String(v);
    return (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v)).slice(0, 60);
  };
  return keys.map((k) => {
    const label = ID_FIELDS[k]?.label ?? k;
    return k in before && k in after ? `${label}: ${show(k, before[k])} → ${show(k, after[k])}` : `${label}: ${show(k, k in after ? after[k] : before[k])}`;
  });
}
