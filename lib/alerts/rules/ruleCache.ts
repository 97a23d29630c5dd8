import type { EvaluableRule } from "@/lib/alerts/evaluate/evaluableRule";
import { ensureDefaultRules } from "@/lib/alerts/rules/ensureDefaultRules";
import { db } from "@/lib/db/prisma";

/**
 * Enabled rules per workspace, cached briefly so the ingest path does not read them on every
 * request. Edits on this instance invalidate at once; other instances see them within TTL_MS. (The
 * firing statement re-checks that the rule is still enabled, so a disabled rule never fires late.)
 */
const TTL_MS = 5_000;

interface Entry {
  rules: EvaluableRule[];
  loadedAt: number;
}

const globalForRules = globalThis as unknown as { faultlineRuleCache?: { entries: Map<string, Entry>; ensured: Set<string> } };

function cache() {
  globalForRules.faultlineRuleCache ??= { entries: new Map(), ensured: new Set() };
  return globalForRules.faultlineRuleCache;
}

export async function enabledRulesOf(workspaceId: string, now = Date.now()): Promise<EvaluableRule[]> {
  const state = cache();
  const hit = state.entries.get(workspaceId);
  if (hit && now - hit.loadedAt < TTL_MS) return hit.rules;
  if (!state.ensured.has(workspaceId)) {
    await ensureDefaultRules(workspaceId);
    state.ensured.add(workspaceId);
  }
  const rules = await db().alertRule.findMany({ where: { workspaceId, enabled: true }, orderBy: { createdAt: "asc" } });
  state.entries.set(workspaceId, { rules, loadedAt: now });
  return rules;
}

export function invalidateRules(workspaceId: string): void {
  cache().entries.delete(workspaceId);
}
