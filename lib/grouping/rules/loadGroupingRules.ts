import type { CompiledGroupingRules } from "@/lib/grouping/rules/compileGroupingRules";
import { loadIngestSettings } from "@/lib/ingest/loadIngestSettings";

/** A project's grouping rules, compiled, through ingest's per-instance settings cache (lib/ingest/loadIngestSettings.ts). */
export async function loadGroupingRules(projectId: string, now = Date.now()): Promise<CompiledGroupingRules> {
  return (await loadIngestSettings(projectId, now)).rules;
}
