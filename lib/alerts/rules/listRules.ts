import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { toRuleDto } from "@/lib/alerts/rules/ruleDto";
import { ensureDefaultRules } from "@/lib/alerts/rules/ensureDefaultRules";
import { staleBuiltInName } from "@/lib/alerts/rules/builtInName";
import { invalidateRules } from "@/lib/alerts/rules/ruleCache";
import { db } from "@/lib/db/prisma";

/** Every rule of a workspace (built-in ones first, created on first read); any member. */
export async function listRules(auth: AuthContext, input: { workspaceId: string }) {
  assertCanViewWorkspace(auth, input.workspaceId);
  await ensureDefaultRules(input.workspaceId);
  const rules = await db().alertRule.findMany({
    where: { workspaceId: input.workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  // A built-in rule edited before names followed edits still has its original name ("High errors: 5
  // in 5 min" at 10 in 10 min): it takes the name of its settings now (never a name someone gave it).
  const renamed = rules.flatMap((rule) => {
    const name = staleBuiltInName(rule);
    return name ? [{ rule, name }] : [];
  });
  if (renamed.length > 0) {
    await db().$transaction(renamed.map(({ rule, name }) => db().alertRule.updateMany({ where: { id: rule.id, name: rule.name }, data: { name } })));
    for (const { rule, name } of renamed) rule.name = name;
    invalidateRules(input.workspaceId);
  }
  return { items: rules.map(toRuleDto) };
}
