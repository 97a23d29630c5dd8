import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { toRuleDto } from "@/lib/alerts/rules/ruleDto";
import { ensureDefaultRules } from "@/lib/alerts/rules/ensureDefaultRules";
import { db } from "@/lib/db/prisma";

/** Every rule of a workspace (built-in ones first, created on first read); any member. */
export async function listRules(auth: AuthContext, input: { workspaceId: string }) {
  assertCanViewWorkspace(auth, input.workspaceId);
  await ensureDefaultRules(input.workspaceId);
  const rules = await db().alertRule.findMany({
    where: { workspaceId: input.workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { items: rules.map(toRuleDto) };
}
