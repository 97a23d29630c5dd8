import { pool } from "@/lib/db/pool";
import { compileGroupingRules, type CompiledGroupingRules } from "@/lib/grouping/rules/compileGroupingRules";
import { GroupingRulesSchema } from "@/lib/grouping/rules/groupingRuleSchemas";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { logger } from "@/lib/logger";

/**
 * Rules are read on every ingest batch; a short per-instance cache keeps that off the database. An
 * edit is seen at once by the instance that saved it and within CACHE_MS by the others (the
 * database stays the only source of truth); while PostgreSQL is unavailable the last rules read
 * stand (ingest spools). The cache lives on globalThis: the ingest fast path
 * (a separate bundle of lib code in the same process) and the route handlers share it.
 */
const CACHE_MS = 10_000;
const globalForRules = globalThis as unknown as { faultlineGroupingRules?: Map<string, { at: number; rules: CompiledGroupingRules }> };
const cache = (globalForRules.faultlineGroupingRules ??= new Map());

export async function loadGroupingRules(projectId: string, now = Date.now()): Promise<CompiledGroupingRules> {
  const hit = cache.get(projectId);
  if (hit && now - hit.at < CACHE_MS) return hit.rules;
  let stored: unknown;
  try {
    const { rows } = await pool().query<{ groupingRules: unknown }>(`SELECT "groupingRules" FROM "Project" WHERE id = $1`, [projectId]);
    stored = rows[0]?.groupingRules;
  } catch (error) {
    // PostgreSQL unavailable: events are spooled with the rules last read (none if never read here).
    if (!isDatabaseUnavailable(error)) throw error;
    if (!hit) logger.warn("grouping rules unknown while PostgreSQL is unavailable: events are fingerprinted without them", { projectId });
    return hit?.rules ?? compileGroupingRules([]);
  }
  const parsed = GroupingRulesSchema.safeParse(stored ?? []);
  const rules = compileGroupingRules(parsed.success ? parsed.data : []);
  if (cache.size > 10_000) cache.clear();
  cache.set(projectId, { at: now, rules });
  return rules;
}

export function forgetGroupingRules(projectId: string): void {
  cache.delete(projectId);
}
