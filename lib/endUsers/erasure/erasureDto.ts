import { IDENTIFIER_KINDS, type IdentifierKind } from "@/lib/endUsers/erasureTerms";

export interface ErasureRow {
  id: string;
  status: string;
  hashes: unknown;
  deleted: unknown;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  requestedById: string | null;
}

/** An erasure as the API answers it: what it was given as hashes only (never the identifiers), how far it got, what it deleted. */
export function toErasureDto(row: ErasureRow, requestedBy: { id: string; name: string; email: string } | null) {
  const hashes = (row.hashes ?? {}) as Partial<Record<IdentifierKind, string>>;
  const deleted = (row.deleted ?? {}) as Record<string, number>;
  return {
    id: row.id,
    status: row.status as "pending" | "done",
    /** Which identifiers were given (userId, email, ipAddress), each with its SHA-256 (lib/endUsers/erasure/identifierHashes.ts). */
    identifiers: IDENTIFIER_KINDS.flatMap((kind) => (hashes[kind] ? [{ kind, sha256: hashes[kind] }] : [])),
    /** Events deleted so far. */
    events: deleted.ErrorOccurrence ?? 0,
    /** Rows deleted or rewritten per table so far. */
    deleted,
    /** Why the last run stopped (it is tried again), while pending. */
    lastError: row.status === "pending" ? row.lastError : null,
    requestedBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export type ErasureDto = ReturnType<typeof toErasureDto>;
