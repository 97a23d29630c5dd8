import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { auditData } from "@/lib/alerts/auditData";
import { resolveOpenAlerts } from "@/lib/alerts/lifecycle/resolveOpenAlerts";
import { findVisibleRule } from "@/lib/alerts/rules/findVisibleRule";
import { invalidateRules } from "@/lib/alerts/rules/ruleCache";
import { toRuleDto } from "@/lib/alerts/rules/ruleDto";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** Deletes a custom rule (admins). Its open alerts are resolved first; all its alerts stay, with the rule's name and kind as snapshots. */
export async function deleteRule(auth: AuthContext, ruleId: string): Promise<void> {
  const rule = await findVisibleRule(auth, ruleId);
  assertCanAdminister(auth, rule.workspaceId);
  if (rule.defaultKey) throw new ApiError(409, "conflict", "built-in rules cannot be deleted; disable them instead");
  const actorId = auth.kind === "user" ? auth.userId : null;
  // No sweep evaluates a deleted rule: its level alerts (error rate, spike, ingest health) would stay active, and escalating, for ever.
  await resolveOpenAlerts({ of: { ruleId: rule.id }, actorId, resolution: "its rule was deleted", now: new Date() });
  await db().$transaction([
    db().alertRule.delete({ where: { id: rule.id } }),
    db().auditLog.create({
      data: auditData({ workspaceId: rule.workspaceId, actorId, action: "alert_rule.deleted", targetType: "alert_rule", targetId: rule.id, before: toRuleDto(rule) }),
    }),
  ]);
  invalidateRules(rule.workspaceId);
}
