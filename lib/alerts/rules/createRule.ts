import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { auditData } from "@/lib/alerts/auditData";
import { ESCALATION_POLICY } from "@/lib/alerts/escalation/escalationPolicy";
import { invalidateRules } from "@/lib/alerts/rules/ruleCache";
import { toRuleDto } from "@/lib/alerts/rules/ruleDto";
import { assertMayWatchDisk } from "@/lib/alerts/rules/diskWatch";
import { ruleProblems } from "@/lib/alerts/rules/ruleProblems";
import type { CreateRuleInput } from "@/lib/alerts/rules/ruleSchemas";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { assertWorkspaceProjects } from "@/lib/projects/assertWorkspaceProjects";

/** Adds a rule to a workspace (admins). Escalation not given: the alert severity's default policy. */
export async function createRule(auth: AuthContext, workspaceId: string, input: CreateRuleInput) {
  assertCanAdminister(auth, workspaceId);
  await assertWorkspaceProjects(workspaceId, input.projectIds);
  const policy = input.alertSeverity ? ESCALATION_POLICY[input.alertSeverity] : { escalateAfterSeconds: null, finalAfterSeconds: null };
  const settings = {
    ...input,
    diskDaysLeft: input.diskDaysLeft ?? null,
    escalateAfterSeconds: input.escalateAfterSeconds === undefined ? policy.escalateAfterSeconds : input.escalateAfterSeconds,
    finalAfterSeconds: input.finalAfterSeconds === undefined ? policy.finalAfterSeconds : input.finalAfterSeconds,
  };
  const problems = ruleProblems(settings);
  if (problems.length) throw ApiError.validation(`invalid ${problems[0].path}: ${problems[0].message}`, problems);
  assertMayWatchDisk(auth, null, input.diskDaysLeft);

  const id = uuidv7();
  const actorId = auth.kind === "user" ? auth.userId : null;
  const [rule] = await db().$transaction([
    db().alertRule.create({ data: { ...settings, id, workspaceId } }),
    db().auditLog.create({ data: auditData({ workspaceId, actorId, action: "alert_rule.created", targetType: "alert_rule", targetId: id, after: settings }) }),
  ]);
  invalidateRules(workspaceId);
  return toRuleDto(rule);
}
