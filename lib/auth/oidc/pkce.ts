import { createHash, randomBytes } from "node:crypto";

/** A random value for state, nonce or a PKCE verifier: 32 bytes, base64url (43 characters). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** RFC 7636 S256: the code challenge sent with the authorization request for `verifier`. */
export function codeChallenge(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}
