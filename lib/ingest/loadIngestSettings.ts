import { compileGroupingRules, type CompiledGroupingRules } from "@/lib/grouping/rules/compileGroupingRules";
import { GroupingRulesSchema } from "@/lib/grouping/rules/groupingRuleSchemas";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { NO_INBOUND_FILTERS, parseStoredFilters, type InboundFilters } from "@/lib/ingest/filters/inboundFilterSchema";
import { compileSensitiveFields, type SensitiveFields } from "@/lib/ingest/sensitiveFields";
import { logger } from "@/lib/logger";
import { boundedQuery } from "@/lib/db/boundedQuery";

/** What ingest needs of a project's settings for every event: its grouping rules (compiled), sensitive fields, inbound filters, discarded fingerprints and retention. */
export interface IngestSettings {
  rules: CompiledGroupingRules;
  /** The project's additional sensitive fields; null without any. */
  sensitiveFields: SensitiveFields | null;
  filters: InboundFilters;
  /** Fingerprints of issues whose new events are discarded. */
  discarded: ReadonlySet<string>;
  /** How many days the project keeps occurrences: the native door refuses older events (lib/ingest/retentionWindow.ts). */
  retentionDays: number;
  /**
   * False when the settings could not be read (PostgreSQL unavailable, none read before on this
   * instance): the defaults stand in, and the events must not be stored as prepared with them —
   * they are spooled as received and prepared again on replay (lib/intake/prepareSpooled.ts).
   */
  known: boolean;
}

/** The longest retention a project may have (lib/projects/projectSchemas.ts): the bound while the project's is not known. */
const LONGEST_RETENTION_DAYS = 3650;

/**
 * Read on every ingest batch; a short per-instance cache keeps that off the database. An edit is
 * seen at once by the instance that saved it and within CACHE_MS by the others (the database stays
 * the only source of truth); while PostgreSQL is unavailable the last settings read stand (ingest
 * spools). The cache lives on globalThis: the ingest fast path (a separate bundle of lib code in
 * the same process) and the route handlers share it.
 */
const CACHE_MS = 10_000;
const globalForSettings = globalThis as unknown as { faultlineIngestSettings?: Map<string, { at: number; settings: IngestSettings }> };
const cache = (globalForSettings.faultlineIngestSettings ??= new Map());

export async function loadIngestSettings(projectId: string, now = Date.now()): Promise<IngestSettings> {
  try {
    return await readIngestSettings(projectId, now);
  } catch (error) {
    // PostgreSQL unavailable: events are spooled with the settings last read; none read here yet,
    // they are spooled as received and prepared on replay (`known: false`).
    if (!isDatabaseUnavailable(error)) throw error;
    const hit = cache.get(projectId);
    if (hit) return hit.settings;
    logger.warn("project settings unknown while PostgreSQL is unavailable: events are spooled as received and prepared with them on replay", { projectId });
    return { rules: compileGroupingRules([]), sensitiveFields: null, filters: NO_INBOUND_FILTERS, discarded: new Set(), retentionDays: LONGEST_RETENTION_DAYS, known: false };
  }
}

/** The settings from the cache or PostgreSQL; a database-unavailable failure is thrown (the spool replay waits on it). */
export async function readIngestSettings(projectId: string, now = Date.now()): Promise<IngestSettings> {
  const hit = cache.get(projectId);
  if (hit && now - hit.at < CACHE_MS) return hit.settings;
  type Row = { groupingRules: unknown; sensitiveFields: string[]; inboundFilters: unknown; discarded: string[]; retentionDays: number };
  const { rows } = await boundedQuery<Row>(
    `SELECT "groupingRules", "sensitiveFields", "inboundFilters", "retentionDays", ARRAY(SELECT fingerprint FROM "DiscardedFingerprint" d WHERE d."projectId" = p.id) AS discarded FROM "Project" p WHERE id = $1`,
    [projectId],
  );
  const row = rows[0];
  const rules = GroupingRulesSchema.safeParse(row?.groupingRules ?? []);
  const settings: IngestSettings = {
    rules: compileGroupingRules(rules.success ? rules.data : []),
    sensitiveFields: compileSensitiveFields(row?.sensitiveFields ?? []),
    filters: parseStoredFilters(row?.inboundFilters),
    discarded: new Set(row?.discarded ?? []),
    retentionDays: row?.retentionDays ?? LONGEST_RETENTION_DAYS,
    known: true,
  };
  if (cache.size > 10_000) cache.clear();
  cache.set(projectId, { at: now, settings });
  return settings;
}

/** After a settings change on this instance: read again on the next event. */
export function forgetIngestSettings(projectId: string): void {
  cache.delete(projectId);
}
