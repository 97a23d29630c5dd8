import { db } from "@/lib/db/prisma";
import type { ForwardingRule } from "@/lib/generated/prisma/client";

/**
 * Enabled rules per project, cached for a few seconds: the after-store consumer runs for every
 * stored batch and most projects have no rules. Edits on this instance clear the entry at once;
 * other instances see them within TTL_MS. On globalThis: Next.js bundles routes separately.
 */
const TTL_MS = 5_000;
const MAX_PROJECTS = 10_000;

const cache = globalThis as unknown as { faultlineForwardingRules?: Map<string, { at: number; rules: ForwardingRule[] }> };

function entries() {
  return (cache.faultlineForwardingRules ??= new Map());
}

export async function enabledRulesOf(projectId: string, now = Date.now()): Promise<ForwardingRule[]> {
  const hit = entries().get(projectId);
  if (hit && now - hit.at < TTL_MS) return hit.rules;
  const rules = await db().forwardingRule.findMany({ where: { projectId, enabled: true }, orderBy: { createdAt: "asc" } });
  if (entries().size >= MAX_PROJECTS) entries().clear();
  entries().set(projectId, { at: now, rules });
  return rules;
}

export function forgetRules(projectId: string): void {
  entries().delete(projectId);
}
