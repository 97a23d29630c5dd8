import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { auditForwardingRule } from "@/lib/forwarding/rules/forwardingAudit";
import { toForwardingRuleDto } from "@/lib/forwarding/rules/forwardingRuleDto";
import { findVisibleForwardingRule } from "@/lib/forwarding/rules/findVisibleForwardingRule";
import { forgetRules } from "@/lib/forwarding/rules/ruleCache";

/** Deletes a rule and its delivery log (admins). Copies in flight finish; pending ones are dropped. */
export async function deleteForwardingRule(auth: AuthContext, ruleId: string): Promise<void> {
  const rule = await findVisibleForwardingRule(auth, ruleId);
  assertCanAdminister(auth, rule.workspaceId);
  await db().forwardingRule.delete({ where: { id: rule.id } });
  forgetRules(rule.projectId);
  await auditForwardingRule({ workspaceId: rule.workspaceId, actorId: auth.kind === "user" ? auth.userId : null, action: "forwarding_rule.deleted", ruleId: rule.id, before: toForwardingRuleDto(rule) });
}
