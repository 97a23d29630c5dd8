import type { TestAssignmentInput } from "@/lib/assignment/assignmentSchemas";
import { frameFacts, stringTags, type IssueFacts } from "@/lib/assignment/issueFacts";
import { assignableRules } from "@/lib/assignment/assignableRole";
import { loadOrderedRules, toRuleDtos } from "@/lib/assignment/listAssignmentRules";
import { conditionMatches } from "@/lib/assignment/matchRule";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { ApiError } from "@/lib/http/ApiError";

/**
 * POST /api/v1/workspaces/:id/assignment-rules/test {errorId, rule?}: which saved rule would assign
 * this issue (first match) and why, condition by condition — or whether one draft rule matches it.
 * Read-only (any member). Facts: the issue's project, type, message, category, severity and frames, and the
 * tags of its latest event.
 */
export async function testAssignmentRules(auth: AuthContext, workspaceId: string, input: TestAssignmentInput) {
  assertCanViewWorkspace(auth, workspaceId);
  const group = await findVisibleError(auth, input.errorId);
  if (group.workspaceId !== workspaceId) throw ApiError.notFound("error not found");
  const [latest, project] = await Promise.all([
    db().errorOccurrence.findFirst({ where: { groupId: group.id }, orderBy: { occurredAt: "desc" }, select: { tags: true } }),
    db().project.findUniqueOrThrow({ where: { id: group.projectId }, select: { name: true, slug: true } }),
  ]);
  const facts: IssueFacts = {
    project,
    type: group.type,
    message: group.message,
    category: group.category,
    severity: group.severity,
    tags: stringTags(latest?.tags),
    frames: frameFacts(group.frames),
  };
  const explain = (conditions: { field: string; pattern: string }[]) =>
    conditions.map((c) => ({ ...c, matched: conditionMatches(c as Parameters<typeof conditionMatches>[0], facts) }));

  if (input.rule) {
    const conditions = explain(input.rule.conditions);
    return { facts, draft: { matched: conditions.every((c) => c.matched), conditions }, matchedRule: null, rules: [] };
  }
  const saved = await loadOrderedRules(workspaceId);
  const people = [...new Set(saved.flatMap((r) => (r.assigneeUserId ? [r.assigneeUserId] : [])))];
  const roles = new Map((await db().membership.findMany({ where: { workspaceId, userId: { in: people } }, select: { userId: true, role: true } })).map((m) => [m.userId, m.role]));
  // As on ingest: a rule whose person can no longer be assigned is passed over.
  const assignable = new Set(assignableRules(saved, roles).map((r) => r.id));
  const rules = await toRuleDtos(saved);
  const evaluated = rules.map((rule) => {
    const conditions = explain(rule.conditions);
    return { id: rule.id, name: rule.name, enabled: rule.enabled, assignee: rule.assignee, matched: rule.enabled && assignable.has(rule.id) && conditions.every((c) => c.matched), conditions };
  });
  const first = evaluated.find((r) => r.matched) ?? null;
  return { facts, draft: null, matchedRule: first && { id: first.id, name: first.name, assignee: first.assignee }, rules: evaluated };
}

export type AssignmentTestResult = Awaited<ReturnType<typeof testAssignmentRules>>;
