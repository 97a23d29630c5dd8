import { pool } from "@/lib/db/pool";
import { ingestKeyNeedsReseal, openIngestKey, sealIngestKey } from "@/lib/projects/ingestKeySeal";
import { resealRows } from "@/lib/security/resealRows";

/** Re-seals ingest keys' sealed copies sealed under a previous FAULTLINE_SECRET_KEY (lib/security/resealRows.ts). */
export function resealIngestKeys(): Promise<{ resealed: number; unreadable: number }> {
  return resealRows({
    what: "ingest key copies",
    idField: "keyId",
    rows: async () => (await pool().query<{ id: string; secrets: string }>(`SELECT id, "keySealed" AS secrets FROM "IngestKey" WHERE "keySealed" IS NOT NULL`)).rows,
    needsReseal: (stored) => ingestKeyNeedsReseal(stored),
    open: (id, stored) => ({ key: openIngestKey(id, String(stored)) }),
    seal: (id, plain) => sealIngestKey(id, String(plain.key)),
    // Only the copy as read: a key revoked meanwhile (copy dropped) stays without one.
    replace: async (id, expected, sealed) => (await pool().query(`UPDATE "IngestKey" SET "keySealed" = $3 WHERE id = $1 AND "keySealed" = $2`, [id, expected, sealed])).rowCount ?? 0,
  });
}
