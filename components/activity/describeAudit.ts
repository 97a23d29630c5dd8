import type { AuditItem } from "@/lib/audit/listAudit";

const ACTION_LABELS: Record<string, string> = {
  "setup.completed": "set up Faultline",
  "workspace.created": "created the workspace",
  "workspace.updated": "renamed the workspace",
  "project.created": "created a project",
  "project.updated": "changed a project",
  "project.deleted": "deleted a project",
  "ingest_key.created": "created an ingest key",
  "ingest_key.revoked": "revoked an ingest key",
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
  "team.created": "created a team",
  "team.updated": "changed a team",
  "team.deleted": "deleted a team",
  "assignment_rule.created": "added an assignment rule",
  "assignment_rule.updated": "changed an assignment rule",
  "assignment_rule.deleted": "deleted an assignment rule",
  "error.auto_assigned": "assigned an issue by rule",
  "error.regressed": "reopened an issue (regression)",
  "monitor.updated": "changed a cron monitor",
  "monitor.deleted": "deleted a cron monitor",
};

/** "Ann changed a role" — the actor and a readable verb for one audit entry. */
export function describeAudit(item: AuditItem): { actor: string; verb: string } {
  const actor = item.actor ? item.actor.name || item.actor.email : item.actorType === "cli" ? "Admin CLI" : "Faultline";
  const verb = ACTION_LABELS[item.action] ?? item.action.replace(/[._]/g, " ");
  return { actor, verb };
}

/** The fields an entry changed, as short "field: before → after" strings. */
export function auditChanges(item: AuditItem): string[] {
  const before = (item.before ?? {}) as Record<string, unknown>;
  const after = (item.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].slice(0, 6);
  const show = (v: unknown) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v)).slice(0, 60);
  return keys.map((k) => (k in before && k in after ? `${k}: ${show(before[k])} → ${show(after[k])}` : `${k}: ${show(k in after ? after[k] : before[k])}`));
}
