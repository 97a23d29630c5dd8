import type pg from "pg";
import { advisoryLockKey } from "@/lib/db/advisoryLock";
import type { BundledTransaction } from "@/lib/db/bundledTransaction";

export interface ResolvedGroup {
  id: string;
  /** The group's own fingerprint (the upsert's key), which may differ from the event's. */
  fingerprint: string;
}

export interface GroupResolution {
  /** Event fingerprint → the existing group it leads to; absent: the event opens (or feeds) its own. */
  byFingerprint: Map<string, ResolvedGroup>;
  /** Event fingerprints that reached their group through the previous grouping version's fingerprint. */
  legacyAliases: Map<string, ResolvedGroup>;
}

/** Held shared by every ingest transaction of a project and exclusively by merge/unmerge (lib/grouping/merge). */
export function groupingLockKey(projectId: string): number {
  return advisoryLockKey(`grouping:${projectId}`);
}

/** The ingest transaction's first statement (sent with its BEGIN when it opens the transaction). */
export async function lockGroupingShared(tx: BundledTransaction, projectId: string): Promise<void> {
  await tx.open(`SELECT pg_advisory_xact_lock_shared(${tx.literal(groupingLockKey(projectId))})`);
}

/**
 * Where a batch's events go, in one round trip: a fingerprint that was merged into another issue
 * (or joined one through a grouping upgrade) leads there (GroupFingerprint); a fingerprint with an
 * issue of its own leads to it; during a project's grouping transition, an event whose fingerprint
 * leads nowhere joins the issue of its previous-version fingerprint (and that is remembered).
 */
export async function resolveGroups(
  client: pg.PoolClient,
  projectId: string,
  events: { fingerprint: string; legacyFingerprint: string }[],
): Promise<GroupResolution> {
  const primary = [...new Set(events.map((e) => e.fingerprint))];
  const legacy = [...new Set(events.map((e) => e.legacyFingerprint))];
  // Named: prepared once per ingest connection, whose sessions use generic plans (lib/db/pool.ts).
  const { rows } = await client.query<{ fp: string; legacy: boolean; id: string; fingerprint: string }>({
    name: "faultline-resolve-groups",
    text: `WITH proj AS (
       SELECT coalesce("legacyGroupingUntil" > now(), false) AS transition FROM "Project" WHERE id = $1::uuid
     ), fps AS (
       SELECT fp, false AS legacy FROM unnest($2::text[]) AS fp
       UNION ALL
       SELECT fp, true FROM unnest($3::text[]) AS fp, proj WHERE proj.transition
     )
     SELECT fps.fp, fps.legacy, t.id::text, t.fingerprint
     FROM fps
     JOIN LATERAL (
       SELECT g.id, g.fingerprint, 0 AS rank FROM "GroupFingerprint" gf JOIN "ErrorGroup" g ON g.id = gf."groupId"
        WHERE gf."projectId" = $1::uuid AND gf.fingerprint = fps.fp
       UNION ALL
       SELECT g.id, g.fingerprint, 1 FROM "ErrorGroup" g WHERE g."projectId" = $1::uuid AND g.fingerprint = fps.fp
       ORDER BY rank LIMIT 1
     ) t ON true`,
    values: [projectId, primary, legacy],
  });
  const direct = new Map<string, ResolvedGroup>();
  const viaLegacy = new Map<string, ResolvedGroup>();
  for (const row of rows) (row.legacy ? viaLegacy : direct).set(row.fp, { id: row.id, fingerprint: row.fingerprint });

  const byFingerprint = new Map(direct);
  const legacyAliases = new Map<string, ResolvedGroup>();
  for (const event of events) {
    if (byFingerprint.has(event.fingerprint)) continue;
    const old = viaLegacy.get(event.legacyFingerprint);
    if (!old) continue;
    byFingerprint.set(event.fingerprint, old);
    legacyAliases.set(event.fingerprint, old);
  }
  return { byFingerprint, legacyAliases };
}

/** Remembers that a new fingerprint belongs to an issue found through its legacy fingerprint. */
export async function saveLegacyAliases(client: pg.PoolClient, projectId: string, aliases: Map<string, ResolvedGroup>): Promise<void> {
  if (aliases.size === 0) return;
  await client.query(
    `INSERT INTO "GroupFingerprint" ("projectId", fingerprint, "groupId", kind)
     SELECT $1::uuid, fp, "groupId", 'legacy' FROM jsonb_to_recordset($2::jsonb) AS x(fp text, "groupId" uuid)
     ON CONFLICT DO NOTHING`,
    [projectId, JSON.stringify([...aliases].map(([fp, g]) => ({ fp, groupId: g.id })))],
  );
}
