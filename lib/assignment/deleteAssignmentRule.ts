import { auditRow, userActor } from "@/lib/audit/auditRow";
import { findAssignmentRule } from "@/lib/assignment/findAssignmentRule";
import { ruleConditions } from "@/lib/assignment/ruleDto";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/** DELETE /api/v1/assignment-rules/:id (admins). */
export async function deleteAssignmentRule(auth: AuthContext, ruleId: string) {
  assertUser(auth);
  const rule = await findAssignmentRule(auth, ruleId);
  assertCanAdminister(auth, rule.workspaceId);
  await db().$transaction([
    db().auditLog.create({
      data: auditRow({ workspaceId: rule.workspaceId, actor: userActor(auth.userId), action: "assignment_rule.deleted", targetType: "assignment_rule", targetId: ruleId, before: { name: rule.name, conditions: ruleConditions(rule), position: rule.position } }),
    }),
    db().assignmentRule.delete({ where: { id: ruleId } }),
  ]);
}
