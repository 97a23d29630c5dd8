import { auditRow, userActor } from "@/lib/audit/auditRow";
import { changedFields } from "@/lib/alerts/auditData";
import { assertAssigneeInWorkspace, assigneeColumns } from "@/lib/assignment/assertAssigneeInWorkspace";
import type { UpdateAssignmentRuleInput } from "@/lib/assignment/assignmentSchemas";
import { findAssignmentRule } from "@/lib/assignment/findAssignmentRule";
import { toRuleDtos } from "@/lib/assignment/listAssignmentRules";
import { ruleConditions } from "@/lib/assignment/ruleDto";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * PATCH /api/v1/assignment-rules/:id (admins); `position` moves the rule and renumbers the list. A
 * rule turned on again must still have someone to assign to (a rule turned off because its person
 * left, or became a viewer, needs another assignee first): 422 naming `assignee.id`.
 */
export async function updateAssignmentRule(auth: AuthContext, ruleId: string, input: UpdateAssignmentRuleInput) {
  assertUser(auth);
  const rule = await findAssignmentRule(auth, ruleId);
  assertCanAdminister(auth, rule.workspaceId);
  if (input.assignee) await assertAssigneeInWorkspace(rule.workspaceId, input.assignee);
  else if (input.enabled === true && !rule.enabled && rule.assigneeUserId) await assertAssigneeInWorkspace(rule.workspaceId, { type: "user", id: rule.assigneeUserId });
  const beforeView = {
    name: rule.name,
    enabled: rule.enabled,
    conditions: ruleConditions(rule),
    assignee: rule.assigneeTeamId ? { type: "team", id: rule.assigneeTeamId } : { type: "user", id: rule.assigneeUserId },
    position: rule.position,
  };
  const updated = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${rule.workspaceId}::uuid FOR UPDATE`;
    await tx.assignmentRule.update({
      where: { id: ruleId },
      data: {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.enabled !== undefined && { enabled: input.enabled }),
        ...(input.conditions !== undefined && { conditions: input.conditions as Prisma.InputJsonValue }),
        ...(input.assignee && assigneeColumns(input.assignee)),
      },
    });
    if (input.position !== undefined) {
      const ordered = await tx.assignmentRule.findMany({ where: { workspaceId: rule.workspaceId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
      const ids = ordered.map((r) => r.id).filter((id) => id !== ruleId);
      ids.splice(Math.min(input.position, ids.length), 0, ruleId);
      for (const [position, id] of ids.entries()) await tx.assignmentRule.update({ where: { id }, data: { position } });
    }
    const changes = changedFields(beforeView, { ...input, position: input.position });
    if (changes) {
      await tx.auditLog.create({ data: auditRow({ workspaceId: rule.workspaceId, actor: userActor(auth.userId), action: "assignment_rule.updated", targetType: "assignment_rule", targetId: ruleId, ...changes }) });
    }
    return tx.assignmentRule.findUniqueOrThrow({ where: { id: ruleId } });
  });
  return (await toRuleDtos([updated]))[0];
}
