import { toRuleDto } from "@/lib/alerts/rules/ruleDto";
import { ensureDefaultRules } from "@/lib/alerts/rules/ensureDefaultRules";
import { db } from "@/lib/db/prisma";

/** Every rule of a workspace (built-in ones first, created on first read). */
export async function listRules(input: { workspaceId: string }) {
  await ensureDefaultRules(input.workspaceId);
  const rules = await db().alertRule.findMany({
    where: { workspaceId: input.workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { items: rules.map(toRuleDto) };
}
