import { constants, createPublicKey, verify, type JsonWebKey } from "node:crypto";

/** The claims Faultline reads from an ID token. */
export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat?: number;
  nonce?: string;
  azp?: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

export class IdTokenError extends Error {}

/** Signature algorithms accepted, by JWS name: what OpenID providers sign ID tokens with. */
const ALGORITHMS: Record<string, { hash: string; kty: string; pss?: boolean; dsa?: boolean }> = {
  RS256: { hash: "sha256", kty: "RSA" },
  RS384: { hash: "sha384", kty: "RSA" },
  RS512: { hash: "sha512", kty: "RSA" },
  PS256: { hash: "sha256", kty: "RSA", pss: true },
  ES256: { hash: "sha256", kty: "EC", dsa: true },
  ES384: { hash: "sha384", kty: "EC", dsa: true },
  EdDSA: { hash: "", kty: "OKP" },
};

/** Clock difference tolerated between the provider and this server. */
const SKEW_SECONDS = 120;

/**
 * Verifies an ID token (a JWS compact serialisation) as OpenID Connect Core §3.1.3.7 asks: signed
 * with an asymmetric algorithm (never `none` or HMAC) by a key of the provider's set (by `kid`, or
 * the only key of the right type), issued by `issuer` for `clientId` (with `azp` when there are
 * several audiences), not expired, and carrying the `nonce` this sign-in sent. Pure: keys and time
 * are given. Throws IdTokenError naming what failed.
 */
export function verifyIdToken(token: string, expected: { keys: JsonWebKey[]; issuer: string; clientId: string; nonce: string; nowSeconds: number }): IdTokenClaims {
  const parts = token.split(".");
  if (parts.length !== 3) throw new IdTokenError("not a signed JWT");
  const header = decodeJson(parts[0], "header") as { alg?: string; kid?: string };
  const algorithm = ALGORITHMS[header.alg ?? ""];
  if (!algorithm) throw new IdTokenError(`signature algorithm ${JSON.stringify(header.alg)} is not accepted`);
  const candidates = expected.keys.filter((k) => k.kty === algorithm.kty && (!header.kid || k.kid === header.kid) && (!k.use || k.use === "sig"));
  if (candidates.length === 0 || (!header.kid && candidates.length > 1)) throw new IdTokenError(`no key of the provider matches the token (kid ${JSON.stringify(header.kid ?? null)})`);
  const key = createPublicKey({ key: candidates[0], format: "jwk" });
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], "base64url");
  const ok = verify(algorithm.hash || null, signed, algorithm.pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : algorithm.dsa ? { key, dsaEncoding: "ieee-p1363" } : key, signature);
  if (!ok) throw new IdTokenError("signature does not verify");

  const claims = decodeJson(parts[1], "payload") as Partial<IdTokenClaims>;
  if (trimSlash(claims.iss ?? "") !== trimSlash(expected.issuer)) throw new IdTokenError(`issued by ${JSON.stringify(claims.iss)}, not ${expected.issuer}`);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.clientId)) throw new IdTokenError("not issued for this client (aud)");
  if (audiences.length > 1 && claims.azp !== undefined && claims.azp !== expected.clientId) throw new IdTokenError("issued to another party (azp)");
  if (typeof claims.exp !== "number" || claims.exp + SKEW_SECONDS < expected.nowSeconds) throw new IdTokenError("expired");
  if (typeof claims.iat === "number" && claims.iat - SKEW_SECONDS > expected.nowSeconds) throw new IdTokenError("issued in the future");
  if (claims.nonce !== expected.nonce) throw new IdTokenError("nonce does not match this sign-in");
  if (typeof claims.sub !== "string" || !claims.sub) throw new IdTokenError("no subject (sub)");
  return claims as IdTokenClaims;
}

/** The verified email of the claims, lower-cased, or null (absent, or `email_verified: false`). */
export function verifiedEmail(claims: IdTokenClaims): string | null {
  if (typeof claims.email !== "string" || !claims.email.includes("@")) return null;
  if (claims.email_verified === false || claims.email_verified === "false") return null;
  return claims.email.trim().toLowerCase();
}

function decodeJson(part: string, what: string): unknown {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error();
    return value;
  } catch {
    throw new IdTokenError(`${what} is not base64url JSON`);
  }
}

/** An issuer URL as compared everywhere (the ID token's `iss`, the discovery document, OIDC_ISSUER): without trailing slashes. */
export function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
