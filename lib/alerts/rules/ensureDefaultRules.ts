import { DEFAULT_RULES } from "@/lib/alerts/rules/defaultRules";
import { db } from "@/lib/db/prisma";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** Creates the built-in rules a workspace lacks (idempotent; safe to race from several instances). */
export async function ensureDefaultRules(workspaceId: string): Promise<void> {
  const now = Date.now();
  await db().alertRule.createMany({
    // Ids one millisecond apart keep the built-in rules listed in their declared order.
    data: DEFAULT_RULES.map((rule, i) => ({ ...rule, id: uuidv7(now + i), workspaceId })),
    skipDuplicates: true,
  });
}
