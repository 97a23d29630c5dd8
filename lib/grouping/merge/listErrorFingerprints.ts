import type { AuthContext } from "@/lib/auth/AuthContext";
import { pool } from "@/lib/db/pool";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { fingerprintShares, type FingerprintPair } from "@/lib/grouping/merge/unmergeExactness";

export interface ErrorFingerprint {
  fingerprint: string;
  /** own: the issue's own; merged: merged in by a user; legacy: the new-version fingerprint of its events; events: only seen on events. */
  kind: "own" | "merged" | "legacy" | "events";
  /** Events the issue counted of it (spike-sampled ones included); when approximate, what is known of them (a lower bound). */
  events: number;
  /** Its events are not all counted apart (it held events before per-fingerprint counts existed): an unmerge of it is approximate. */
  approximate: boolean;
  lastSeen: string | null;
  /** A recent message of its events, to tell the fingerprints apart. */
  sampleMessage: string | null;
}

/** Stored events per fingerprint are read from the newest SCAN_LIMIT of the issue (bounded work on huge issues). */
const SCAN_LIMIT = 100_000;

/**
 * The fingerprints an issue holds, with how many of its events carry each: what unmerge can split
 * off. Counts come from the per-fingerprint counts (GroupFingerprintCount; the own fingerprint has
 * the rest), else from the stored occurrences (lib/grouping/merge/unmergeExactness.ts).
 */
export async function listErrorFingerprints(auth: AuthContext, errorId: string): Promise<{ errorId: string; fingerprints: ErrorFingerprint[] }> {
  const group = await findVisibleError(auth, errorId);
  const [{ rows }, { rows: pairRows }] = await Promise.all([
    pool().query<{ fingerprint: string; kind: string | null; stored: number; lastSeen: Date | null; sampleMessage: string | null }>(
      `WITH recent AS (
         SELECT coalesce(fingerprint, $2) AS fingerprint, "occurredAt", message FROM "ErrorOccurrence"
         WHERE "groupId" = $1::uuid ORDER BY "occurredAt" DESC LIMIT ${SCAN_LIMIT}
       ), counted AS (
         SELECT fingerprint, count(*)::int AS stored, max("occurredAt") AS "lastSeen", (array_agg(message ORDER BY "occurredAt" DESC))[1] AS "sampleMessage"
         FROM recent GROUP BY fingerprint
       ), known AS (
         SELECT $2 AS fingerprint, 'own' AS kind UNION ALL SELECT fingerprint, kind FROM "GroupFingerprint" WHERE "groupId" = $1::uuid
       )
       SELECT coalesce(k.fingerprint, c.fingerprint) AS fingerprint, k.kind, coalesce(c.stored, 0) AS stored, c."lastSeen", c."sampleMessage"
       FROM known k FULL JOIN counted c ON c.fingerprint = k.fingerprint`,
      [group.id, group.fingerprint],
    ),
    pool().query<FingerprintPair & { fingerprint: string; lastSeen: Date | null }>(
      `SELECT fingerprint, events, sampled, exact, "actorsExact", "lastSeen" FROM "GroupFingerprintCount" WHERE "groupId" = $1::uuid`,
      [group.id],
    ),
  ]);
  const pairs = new Map(pairRows.map((p) => [p.fingerprint, p]));
  const byFingerprint = new Map(rows.map((r) => [r.fingerprint, r]));
  // A pair whose redirect and stored events are gone still counts events of the issue.
  for (const p of pairRows) if (!byFingerprint.has(p.fingerprint)) byFingerprint.set(p.fingerprint, { fingerprint: p.fingerprint, kind: null, stored: 0, lastSeen: null, sampleMessage: null });
  const all = [...byFingerprint.values()];
  const shares = fingerprintShares(group, all.map((r) => r.fingerprint), pairs, new Map(all.map((r) => [r.fingerprint, r.stored])));
  return {
    errorId: group.id,
    fingerprints: all
      .map((r, i) => {
        const lastSeen = [r.lastSeen, pairs.get(r.fingerprint)?.lastSeen].filter((d): d is Date => d != null).map((d) => new Date(d).getTime());
        return {
          fingerprint: r.fingerprint,
          kind: (r.kind ?? "events") as ErrorFingerprint["kind"],
          events: shares[i].events,
          approximate: shares[i].approximate,
          lastSeen: lastSeen.length ? new Date(Math.max(...lastSeen)).toISOString() : null,
          sampleMessage: r.sampleMessage,
        };
      })
      .sort((a, b) => Number(b.kind === "own") - Number(a.kind === "own") || b.events - a.events),
  };
}
