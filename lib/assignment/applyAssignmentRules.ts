import { assignableRules } from "@/lib/assignment/assignableRole";
import { auditRow } from "@/lib/audit/auditRow";
import type { IssueFacts } from "@/lib/assignment/issueFacts";
import { frameFacts, stringTags } from "@/lib/assignment/issueFacts";
import { loadOrderedRules } from "@/lib/assignment/listAssignmentRules";
import { firstMatchingRule } from "@/lib/assignment/matchRule";
import { ruleConditions } from "@/lib/assignment/ruleDto";
import { db } from "@/lib/db/prisma";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { AfterStoreConsumer, StoredBatch } from "@/lib/intake/afterStore";

export function eventFacts(event: PreparedEvent, project: IssueFacts["project"]): IssueFacts {
  return {
    project,
    type: event.type,
    message: event.message,
    category: event.category,
    severity: event.severity,
    tags: stringTags(event.tags),
    frames: frameFacts(event.frames),
  };
}

/**
 * Assignment rules on stored events: each issue this batch created — or reopened (regression) while
 * nobody is assigned — goes to the first enabled rule's team or person, judged on the batch's first
 * event of that issue. A rule whose person is no longer a member, or is a viewer now, is passed over
 * (the next matching rule applies). The update only lands while the issue is still unassigned, so a
 * person who assigned it meanwhile wins. Costs nothing for batches that neither create nor reopen an issue.
 */
export async function applyAssignmentRules(batch: StoredBatch): Promise<void> {
  const { target, events, outcome } = batch;
  const touched = new Set([...outcome.newGroupIds, ...outcome.regressedGroupIds]);
  if (touched.size === 0) return;
  const enabled = (await loadOrderedRules(target.workspaceId)).filter((r) => r.enabled);
  if (enabled.length === 0) return;
  const people = [...new Set(enabled.flatMap((r) => (r.assigneeUserId ? [r.assigneeUserId] : [])))];
  const memberships = people.length
    ? await db().membership.findMany({ where: { workspaceId: target.workspaceId, userId: { in: people } }, select: { userId: true, role: true } })
    : [];
  const rules = assignableRules(enabled, new Map(memberships.map((m) => [m.userId, m.role])));
  if (rules.length === 0) return;

  const firstEvent = new Map<string, PreparedEvent>();
  events.forEach((event, i) => {
    const groupId = outcome.results[i]?.groupId;
    if (groupId && touched.has(groupId) && !firstEvent.has(groupId)) firstEvent.set(groupId, event);
  });
  const matchable = rules.map((r) => ({ ...r, conditions: ruleConditions(r) }));
  const project = await db().project.findUnique({ where: { id: target.projectId }, select: { name: true, slug: true } });
  if (!project) return;
  for (const [groupId, event] of firstEvent) {
    const rule = firstMatchingRule(matchable, eventFacts(event, project));
    if (!rule) continue;
    const assignee = { assigneeId: rule.assigneeUserId, assigneeTeamId: rule.assigneeTeamId };
    // The assignment and its audit entry land together: whoever sees the one sees the other.
    await db().$transaction(async (tx) => {
      const { count } = await tx.errorGroup.updateMany({
        where: { id: groupId, workspaceId: target.workspaceId, assigneeId: null, assigneeTeamId: null },
        data: assignee,
      });
      if (count === 0) return;
      await tx.auditLog.create({
        data: auditRow({
          workspaceId: target.workspaceId,
          actor: { type: "system" },
          action: "error.auto_assigned",
          targetType: "error",
          targetId: groupId,
          before: { assigneeId: null, assigneeTeamId: null },
          after: { ...assignee, ruleId: rule.id, ruleName: rule.name, regression: outcome.regressedGroupIds.includes(groupId) },
        }),
      });
    });
  }
}

/** Listed in lib/intake/afterStoreConsumers.ts. Its first step is an await, so the request never waits for it. */
export const assignmentConsumer: AfterStoreConsumer = { name: "assignment-rules", consume: applyAssignmentRules };
