import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { GroupingRulesSchema, type GroupingRule } from "@/lib/grouping/rules/groupingRuleSchemas";
import { findProject } from "@/lib/projects/findProject";
import { saveProjectSetting } from "@/lib/projects/saveProjectSetting";

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
  await saveProjectSetting(auth, project, "groupingRules", { action: "project.grouping_rules_updated", before: parseStoredRules(project.groupingRules), after: rules });
  return { projectId: project.id, rules };
}
