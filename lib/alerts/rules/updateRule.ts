import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { auditData, changedFields } from "@/lib/alerts/auditData";
import { resolveOpenAlerts } from "@/lib/alerts/lifecycle/resolveOpenAlerts";
import { ruleNameAfterUpdate } from "@/lib/alerts/rules/builtInName";
import { findVisibleRule } from "@/lib/alerts/rules/findVisibleRule";
import { invalidateRules } from "@/lib/alerts/rules/ruleCache";
import { toRuleDto } from "@/lib/alerts/rules/ruleDto";
import { assertMayWatchDisk } from "@/lib/alerts/rules/diskWatch";
import { ruleProblems } from "@/lib/alerts/rules/ruleProblems";
import type { UpdateRuleInput } from "@/lib/alerts/rules/ruleSchemas";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { assertWorkspaceProjects } from "@/lib/projects/assertWorkspaceProjects";

/**
 * Edits a rule (admins); the merged settings are validated as a whole. A rule whose name is still the
 * one generated from its settings (the built-in rules', until someone names them) is renamed after
 * its new settings. Open alerts keep their snapshot; turning the rule off resolves them, narrowing
 * its projects those of the others.
 */
export async function updateRule(auth: AuthContext, ruleId: string, requested: UpdateRuleInput) {
  const rule = await findVisibleRule(auth, ruleId);
  assertCanAdminister(auth, rule.workspaceId);
  await assertWorkspaceProjects(rule.workspaceId, requested.projectIds);
  const name = ruleNameAfterUpdate(rule, requested);
  const input = name === undefined ? requested : { ...requested, name };
  const problems = ruleProblems({ ...rule, ...input });
  if (problems.length) throw ApiError.validation(`invalid ${problems[0].path}: ${problems[0].message}`, problems);
  assertMayWatchDisk(auth, rule.diskDaysLeft, requested.diskDaysLeft);

  const changes = changedFields(rule, input);
  if (!changes) return toRuleDto(rule);
  const actorId = auth.kind === "user" ? auth.userId : null;
  const [updated] = await db().$transaction([
    db().alertRule.update({ where: { id: rule.id }, data: input }),
    db().auditLog.create({
      data: auditData({ workspaceId: rule.workspaceId, actorId, action: "alert_rule.updated", targetType: "alert_rule", targetId: rule.id, ...changes }),
    }),
  ]);
  invalidateRules(rule.workspaceId);
  // No sweep evaluates a rule that is off, or a project it no longer covers: their level alerts (error
  // rate, spike, ingest health) would stay active, and escalating, for ever. Alerts of no project stay.
  if (rule.enabled && !updated.enabled) await resolveOpenAlerts({ of: { ruleId: rule.id }, actorId, resolution: "its rule was turned off", now: new Date() });
  else if (updated.projectIds.length > 0 && input.projectIds !== undefined) {
    await resolveOpenAlerts({ of: { ruleId: rule.id, projectId: { notIn: updated.projectIds } }, actorId, resolution: "its rule no longer covers this project", now: new Date() });
  }
  return toRuleDto(updated);
}
