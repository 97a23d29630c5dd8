import type { Condition } from "@/lib/assignment/assignmentSchemas";
import type { AssignmentRule } from "@/lib/generated/prisma/client";

export function ruleConditions(rule: { conditions: unknown }): Condition[] {
  return Array.isArray(rule.conditions) ? (rule.conditions as Condition[]) : [];
}

export function toAssignmentRuleDto(rule: AssignmentRule, names: { users: Map<string, string>; teams: Map<string, string> }) {
  const assignee = rule.assigneeTeamId
    ? { type: "team" as const, id: rule.assigneeTeamId, name: names.teams.get(rule.assigneeTeamId) ?? null }
    : { type: "user" as const, id: rule.assigneeUserId ?? "", name: rule.assigneeUserId ? names.users.get(rule.assigneeUserId) ?? null : null };
  return {
    id: rule.id,
    workspaceId: rule.workspaceId,
    name: rule.name,
    position: rule.position,
    enabled: rule.enabled,
    conditions: ruleConditions(rule),
    assignee,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

export type AssignmentRuleDto = ReturnType<typeof toAssignmentRuleDto>;
