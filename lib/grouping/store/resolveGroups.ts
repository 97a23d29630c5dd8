import type pg from "pg";
import { advisoryLockKey } from "@/lib/db/advisoryLock";

export interface ResolvedGroup {
  id: string;
  /** The group's own fingerprint (the upsert's key), which may differ from the event's. */
  fingerprint: string;
  /** Its own fingerprint's users and agents are kept per fingerprint too (ErrorGroup.tracksOwnActors). */
  tracksOwnActors: boolean;
}

export interface GroupResolution {
  /** Event fingerprint → the existing group it leads to; absent: the event opens (or feeds) its own. */
  byFingerprint: Map<string, ResolvedGroup>;
  /** Event fingerprints that reached their group through a grouping upgrade: the event's previous or version-1 fingerprint. */
  legacyAliases: Map<string, ResolvedGroup>;
  /**
   * Event fingerprints that lead to an issue being deleted (ErrorGroup.deletingAt, lib/errors/deletion)
   * → its id: their events are not written (the caller drops them). Once the row is gone, its
   * fingerprint opens a new issue.
   */
  deleting: Map<string, string>;
}

/**
 * Held shared by every ingest transaction of a project (lib/grouping/store/projectWriteLock.ts) and
 * exclusively by merge/unmerge (lib/grouping/merge) and by the start of the project's deletion or of
 * an issue's (lib/errors/deletion/markIssueDeleting.ts).
 */
export function groupingLockKey(projectId: string): number {
  return advisoryLockKey(`grouping:${projectId}`);
}

/**
 * Where a batch's events go, in one round trip: a fingerprint that was merged into another issue
 * (or joined one through a grouping upgrade) leads there (GroupFingerprint); a fingerprint with an
 * issue of its own leads to it; else the issue its previous fingerprint leads to (version 2 before
 * the 2026-12-09 upgrade, carried only by events the upgrade changed; always looked up, so an issue
 * that recurs after months still gets its events); else, during a project's transition from version
 * 1, the issue of its version-1 fingerprint. A link found through an older fingerprint is remembered
 * (saveLegacyAliases), so the new fingerprint's later events — whatever their own older ones — join
 * that issue too. A fingerprint that leads to an issue being deleted leads nowhere (`deleting`): the
 * issue was marked while the project's grouping lock was held exclusively, so no transaction that
 * resolves after the mark writes to it.
 */
export async function resolveGroups(
  client: pg.PoolClient,
  projectId: string,
  events: { fingerprint: string; legacyFingerprint: string; previousFingerprint?: string }[],
): Promise<GroupResolution> {
  const primary = [...new Set(events.map((e) => e.fingerprint))];
  const legacy = [...new Set(events.map((e) => e.legacyFingerprint))];
  const previous = [...new Set(events.flatMap((e) => (e.previousFingerprint ? [e.previousFingerprint] : [])))];
  // Named: prepared once per ingest connection, whose sessions use generic plans (lib/db/pool.ts).
  const { rows } = await client.query<{ fp: string; via: "own" | "previous" | "legacy"; id: string; fingerprint: string; tracksOwnActors: boolean; deleting: boolean }>({
    name: "faultline-resolve-groups",
    text: `WITH proj AS (
       SELECT coalesce("legacyGroupingUntil" > now(), false) AS transition FROM "Project" WHERE id = $1::uuid
     ), fps AS (
       SELECT fp, 'own' AS via FROM unnest($2::text[]) AS fp
       UNION ALL
       SELECT fp, 'previous' FROM unnest($4::text[]) AS fp
       UNION ALL
       SELECT fp, 'legacy' FROM unnest($3::text[]) AS fp, proj WHERE proj.transition
     )
     SELECT fps.fp, fps.via, t.id::text, t.fingerprint, t."tracksOwnActors", t.deleting
     FROM fps
     JOIN LATERAL (
       SELECT g.id, g.fingerprint, g."tracksOwnActors", g."deletingAt" IS NOT NULL AS deleting, 0 AS rank FROM "GroupFingerprint" gf JOIN "ErrorGroup" g ON g.id = gf."groupId"
        WHERE gf."projectId" = $1::uuid AND gf.fingerprint = fps.fp
       UNION ALL
       SELECT g.id, g.fingerprint, g."tracksOwnActors", g."deletingAt" IS NOT NULL, 1 FROM "ErrorGroup" g WHERE g."projectId" = $1::uuid AND g.fingerprint = fps.fp
       ORDER BY rank LIMIT 1
     ) t ON true`,
    values: [projectId, primary, legacy, previous],
  });
  const direct = new Map<string, ResolvedGroup & { deleting: boolean }>();
  const viaPrevious = new Map<string, ResolvedGroup & { deleting: boolean }>();
  const viaLegacy = new Map<string, ResolvedGroup & { deleting: boolean }>();
  for (const row of rows) {
    const found = { id: row.id, fingerprint: row.fingerprint, tracksOwnActors: row.tracksOwnActors, deleting: row.deleting };
    (row.via === "own" ? direct : row.via === "previous" ? viaPrevious : viaLegacy).set(row.fp, found);
  }

  const byFingerprint = new Map<string, ResolvedGroup>();
  const legacyAliases = new Map<string, ResolvedGroup>();
  const deleting = new Map<string, string>();
  for (const [fp, { deleting: doomed, ...group }] of direct) {
    if (doomed) deleting.set(fp, group.id);
    else byFingerprint.set(fp, group);
  }
  for (const event of events) {
    if (byFingerprint.has(event.fingerprint) || deleting.has(event.fingerprint)) continue;
    const old = (event.previousFingerprint && viaPrevious.get(event.previousFingerprint)) || viaLegacy.get(event.legacyFingerprint);
    if (!old) continue;
    const { deleting: doomed, ...group } = old;
    if (doomed) {
      deleting.set(event.fingerprint, group.id);
      continue;
    }
    byFingerprint.set(event.fingerprint, group);
    legacyAliases.set(event.fingerprint, group);
  }
  return { byFingerprint, legacyAliases, deleting };
}

/** Remembers that a new fingerprint belongs to an issue found through an older fingerprint of its event (kind `legacy`: "after the grouping upgrade"). */
export async function saveLegacyAliases(client: pg.PoolClient, projectId: string, aliases: Map<string, ResolvedGroup>): Promise<void> {
  if (aliases.size === 0) return;
  await client.query(
    `INSERT INTO "GroupFingerprint" ("projectId", fingerprint, "groupId", kind)
     SELECT $1::uuid, fp, "groupId", 'legacy' FROM jsonb_to_recordset($2::jsonb) AS x(fp text, "groupId" uuid)
     ON CONFLICT DO NOTHING`,
    [projectId, JSON.stringify([...aliases].map(([fp, g]) => ({ fp, groupId: g.id })))],
  );
}
