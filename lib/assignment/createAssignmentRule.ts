import { auditRow, userActor } from "@/lib/audit/auditRow";
import { assertAssigneeInWorkspace, assigneeColumns } from "@/lib/assignment/assertAssigneeInWorkspace";
import type { CreateAssignmentRuleInput } from "@/lib/assignment/assignmentSchemas";
import { toRuleDtos } from "@/lib/assignment/listAssignmentRules";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** POST /api/v1/workspaces/:id/assignment-rules (admins): appended last in the order. */
export async function createAssignmentRule(auth: AuthContext, workspaceId: string, input: CreateAssignmentRuleInput) {
  assertUser(auth);
  assertCanAdminister(auth, workspaceId);
  await assertAssigneeInWorkspace(workspaceId, input.assignee);
  const id = uuidv7();
  const rule = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId}::uuid FOR UPDATE`;
    const last = await tx.assignmentRule.aggregate({ where: { workspaceId }, _max: { position: true } });
    const rule = await tx.assignmentRule.create({
      data: {
        id,
        workspaceId,
        position: (last._max.position ?? -1) + 1,
        name: input.name,
        enabled: input.enabled,
        conditions: input.conditions as Prisma.InputJsonValue,
        ...assigneeColumns(input.assignee),
      },
    });
    await tx.auditLog.create({ data: auditRow({ workspaceId, actor: userActor(auth.userId), action: "assignment_rule.created", targetType: "assignment_rule", targetId: id, after: input }) });
    return rule;
  });
  return (await toRuleDtos([rule]))[0];
}
