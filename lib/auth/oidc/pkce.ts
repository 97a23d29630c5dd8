import { createHash } from "node:crypto";

/** RFC 7636 S256: the code challenge sent with the authorization request for `verifier`. */
export function codeChallenge(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}
