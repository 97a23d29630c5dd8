import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import { toForwardingRuleDto } from "@/lib/forwarding/rules/forwardingRuleDto";
import { findProject } from "@/lib/projects/findProject";

/** A project's rules, oldest first, secrets masked (every member and viewer). */
export async function listForwardingRules(auth: AuthContext, projectId: string) {
  await findProject(auth, projectId);
  const rules = await db().forwardingRule.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
  return { items: rules.map(toForwardingRuleDto) };
}
