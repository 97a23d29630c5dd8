import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { forgetIngestSettings } from "@/lib/ingest/loadIngestSettings";
import { GroupingRulesSchema, type GroupingRule } from "@/lib/grouping/rules/groupingRuleSchemas";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { findProject } from "@/lib/projects/findProject";

export interface GroupingRulesView {
  projectId: string;
  rules: GroupingRule[];
}

/** A stored rule list that no longer parses (hand-edited) reads as empty rather than failing. */
export function parseStoredRules(value: unknown): GroupingRule[] {
  const parsed = GroupingRulesSchema.safeParse(value ?? []);
  return parsed.success ? parsed.data : [];
}

/** GET …/grouping-rules: any member of the project's workspace. */
export async function getGroupingRules(auth: AuthContext, projectId: string): Promise<GroupingRulesView> {
  const project = await findProject(auth, projectId);
  return { projectId: project.id, rules: parseStoredRules(project.groupingRules) };
}

/** POST …/grouping-rules: admins replace the whole list; audited; applies to events received from now on. */
export async function saveGroupingRules(auth: AuthContext, projectId: string, rules: GroupingRule[]): Promise<GroupingRulesView> {
  const project = await findProject(auth, projectId);
  assertCanAdminister(auth, project.workspaceId);
  const before = parseStoredRules(project.groupingRules);
  await db().$transaction([
    db().project.update({ where: { id: project.id }, data: { groupingRules: rules as Prisma.InputJsonValue } }),
    db().auditLog.create({
      data: {
        id: uuidv7(),
        workspaceId: project.workspaceId,
        actorId: auth.kind === "user" ? auth.userId : null,
        actorType: "user",
        action: "project.grouping_rules_updated",
        targetType: "project",
        targetId: project.id,
        before: before as Prisma.InputJsonValue,
        after: rules as Prisma.InputJsonValue,
      },
    }),
  ]);
  forgetIngestSettings(project.id);
  return { projectId: project.id, rules };
}
