import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { AssignmentRule } from "@/lib/generated/prisma/client";
import { toAssignmentRuleDto } from "@/lib/assignment/ruleDto";

/** The workspace's rules in evaluation order. */
export function loadOrderedRules(workspaceId: string): Promise<AssignmentRule[]> {
  return db().assignmentRule.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

/** DTOs with the assignees' names. */
export async function toRuleDtos(rules: AssignmentRule[]) {
  const userIds = rules.map((r) => r.assigneeUserId).filter((id): id is string => Boolean(id));
  const teamIds = rules.map((r) => r.assigneeTeamId).filter((id): id is string => Boolean(id));
  const [users, teams] = await Promise.all([
    db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db().team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }),
  ]);
  const names = { users: new Map(users.map((u) => [u.id, u.name])), teams: new Map(teams.map((t) => [t.id, t.name])) };
  return rules.map((r) => toAssignmentRuleDto(r, names));
}

/** GET /api/v1/workspaces/:id/assignment-rules — ordered, first match wins (any member). */
export async function listAssignmentRules(auth: AuthContext, workspaceId: string) {
  assertCanViewWorkspace(auth, workspaceId);
  return { items: await toRuleDtos(await loadOrderedRules(workspaceId)) };
}

export type AssignmentRuleList = Awaited<ReturnType<typeof listAssignmentRules>>;
