import type { AuthContext } from "@/lib/auth/AuthContext";
import { pool } from "@/lib/db/pool";
import { findVisibleError } from "@/lib/errors/findVisibleError";

export interface ErrorFingerprint {
  fingerprint: string;
  /** own: the issue's own; merged: merged in by a user; legacy: the new-version fingerprint of its events; events: only seen on events. */
  kind: "own" | "merged" | "legacy" | "events";
  events: number;
  lastSeen: string | null;
  /** A recent message of its events, to tell the fingerprints apart. */
  sampleMessage: string | null;
}

/** Events counted per fingerprint from the newest SCAN_LIMIT of the issue (bounded work on huge issues). */
const SCAN_LIMIT = 100_000;

/** The fingerprints an issue holds, with how many of its events carry each: what unmerge can split off. */
export async function listErrorFingerprints(auth: AuthContext, errorId: string): Promise<{ errorId: string; fingerprints: ErrorFingerprint[] }> {
  const group = await findVisibleError(auth, errorId);
  const { rows } = await pool().query<{ fingerprint: string; kind: string | null; events: number; lastSeen: Date | null; sampleMessage: string | null }>(
    `WITH recent AS (
       SELECT coalesce(fingerprint, $2) AS fingerprint, "occurredAt", message FROM "ErrorOccurrence"
       WHERE "groupId" = $1::uuid ORDER BY "occurredAt" DESC LIMIT ${SCAN_LIMIT}
     ), counted AS (
       SELECT fingerprint, count(*)::int AS events, max("occurredAt") AS "lastSeen", (array_agg(message ORDER BY "occurredAt" DESC))[1] AS "sampleMessage"
       FROM recent GROUP BY fingerprint
     ), known AS (
       SELECT $2 AS fingerprint, 'own' AS kind UNION ALL SELECT fingerprint, kind FROM "GroupFingerprint" WHERE "groupId" = $1::uuid
     )
     SELECT coalesce(k.fingerprint, c.fingerprint) AS fingerprint, k.kind, coalesce(c.events, 0) AS events, c."lastSeen", c."sampleMessage"
     FROM known k FULL JOIN counted c ON c.fingerprint = k.fingerprint
     ORDER BY (k.kind = 'own') DESC NULLS LAST, events DESC`,
    [group.id, group.fingerprint],
  );
  return {
    errorId: group.id,
    fingerprints: rows.map((r) => ({
      fingerprint: r.fingerprint,
      kind: (r.kind ?? "events") as ErrorFingerprint["kind"],
      events: r.events,
      lastSeen: r.lastSeen ? new Date(r.lastSeen).toISOString() : null,
      sampleMessage: r.sampleMessage,
    })),
  };
}
