import { createHash } from "node:crypto";
import { identifierKinds, type EndUserIdentifiers, type IdentifierKind } from "@/lib/endUsers/erasureTerms";

/**
 * What an erasure keeps of the identifiers it was given (normalised: lib/endUsers/erasureTerms.ts):
 * the SHA-256 of "faultline-end-user:<kind>:<value>", in hex, per kind. Enough to answer "was this
 * person erased?" by hashing their identifier again; not the identifier (though a guessable one —
 * an email address — can be guessed back from it, as from any unsalted hash).
 */
export function identifierHashes(ids: EndUserIdentifiers): Partial<Record<IdentifierKind, string>> {
  return Object.fromEntries(identifierKinds(ids).map((kind) => [kind, createHash("sha256").update(`faultline-end-user:${kind}:${ids[kind]}`).digest("hex")]));
}
