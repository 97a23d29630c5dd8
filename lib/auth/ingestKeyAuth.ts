import { withLastKnown } from "@/lib/db/lastKnown";
import { pool } from "@/lib/db/pool";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { readThroughCache } from "@/lib/db/readThroughCache";
import { agreedCredential, headerValues, type NamedCredential } from "@/lib/auth/agreedCredential";
import { ApiError } from "@/lib/http/ApiError";
import type { RequestHead } from "@/lib/http/requestHead";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { noteCredentialUsed } from "@/lib/auth/noteCredentialUsed";
import { sha256Hex } from "@/lib/auth/tokens";

export type IngestKeyAuth = Extract<AuthContext, { kind: "ingestKey" }>;

/** An ingest key as the ingest path needs it: its project, whether it is revoked, the project's limits. */
export interface IngestKeyRecord {
  keyId: string;
  projectId: string;
  workspaceId: string;
  revoked: boolean;
  rateLimitPerMinute: number | null;
  quotaPerMinute: number | null;
  quotaPerDay: number | null;
  /** Sampling settings (lib/intake/sampling/samplingOptions.ts). */
  spikeProtection: boolean;
  maxEventsPerIssue: number | null;
}

/**
 * Keys are looked up in an in-process cache (lib/db/readThroughCache.ts): a key read from the
 * database is trusted for at most KEY_MAX_AGE_MS, so a revoked key stops working on every instance
 * within that bound (at once on the instance that revoked it), and busy keys are re-read in the
 * background every second, so ingest requests do not wait for the database.
 */
export const KEY_MAX_AGE_MS = 4_000;

const keys = readThroughCache<IngestKeyRecord>(
  "ingest-keys",
  async (keyHash) => {
    // While PostgreSQL is unavailable the last answer stands, so ingest can spool (lib/db/lastKnown.ts).
    const { rows } = await withLastKnown(
      "ingestKey",
      keyHash,
      () =>
        pool().query<IngestKeyRecord>(
          // A key of a project being deleted is refused like a revoked one (its deletion revokes it too).
          `SELECT k.id AS "keyId", p.id AS "projectId", p."workspaceId", k."revokedAt" IS NOT NULL OR p."deletingAt" IS NOT NULL AS revoked,
             p."rateLimitPerMinute", p."quotaPerMinute", p."quotaPerDay",
             p."spikeProtection", p."maxEventsPerIssue"
           FROM "IngestKey" k JOIN "Project" p ON p.id = k."projectId" WHERE k."keyHash" = $1`,
          [keyHash],
        ),
      isDatabaseUnavailable,
    );
    return rows[0] ?? null;
  },
  { maxAgeMs: KEY_MAX_AGE_MS, refreshAfterMs: 1_000, missMaxAgeMs: 2_000, maxEntries: 10_000 },
);

/** The key record for a raw key (null when unknown), from the cache; a live key's use is noted (lastUsedAt). */
export async function findIngestKey(rawKey: string): Promise<IngestKeyRecord | null> {
  const key = await keys.get(sha256Hex(rawKey));
  if (key && !key.revoked) noteCredentialUsed("IngestKey", key.keyId);
  return key;
}

/** Drops a key from this process's cache, e.g. right after revoking it. */
export function forgetIngestKey(keyHash: string): void {
  keys.forget(keyHash);
}

/** The ingest key sent as `X-Faultline-Key: <key>` or `Authorization: Bearer <key>`; 400 when they name different keys. */
export function readIngestKey(req: Pick<RequestHead, "headers">): string | undefined {
  const header = req.headers.get("x-faultline-key");
  // The usual request, one key in one header: nothing to compare.
  if (header && !header.includes(",") && req.headers.get("authorization") === null) return header.trim() || undefined;
  return agreedCredential(ingestKeyHeaders(req));
}

/** Every key the headers name: X-Faultline-Key and Authorization: Bearer, each possibly sent twice. */
export function ingestKeyHeaders(req: Pick<RequestHead, "headers">): NamedCredential[] {
  const named = headerValues(req.headers.get("x-faultline-key")).map((value) => ({ value, field: "header X-Faultline-Key" }));
  for (const part of headerValues(req.headers.get("authorization"))) {
    const bearer = part.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) named.push({ value: bearer, field: "header Authorization" });
  }
  return named;
}

/** The live key a raw key names; 401 when missing, unknown or revoked. */
export async function resolveIngestKey(rawKey: string | undefined): Promise<IngestKeyRecord> {
  if (!rawKey) throw ApiError.unauthorized("missing ingest key: send X-Faultline-Key or Authorization: Bearer");
  if (rawKey.length > 200) throw ApiError.unauthorized("invalid ingest key");
  const key = await findIngestKey(rawKey);
  if (!key || key.revoked) throw ApiError.unauthorized("invalid or revoked ingest key");
  return key;
}

/** Resolves a raw key to its project as the caller's AuthContext; 401 when missing, unknown or revoked. */
export async function authenticateIngestKey(rawKey: string | undefined): Promise<IngestKeyAuth> {
  const key = await resolveIngestKey(rawKey);
  return { kind: "ingestKey", keyId: key.keyId, projectId: key.projectId, workspaceId: key.workspaceId };
}
