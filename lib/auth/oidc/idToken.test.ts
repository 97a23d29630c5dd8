import { createHmac, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifiedEmail, verifyIdToken } from "@/lib/auth/oidc/idToken";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = (key: KeyObject, kid: string): JsonWebKey => ({ ...key.export({ format: "jwk" }), kid, use: "sig" });
const keys = [jwk(rsa.publicKey, "rsa-1"), jwk(ec.publicKey, "ec-1")];

const now = 1_780_000_000;
const claims = { iss: "https://id.example.com/realms/acme", sub: "u-1", aud: "faultline", exp: now + 300, iat: now, nonce: "n-1", email: "Ana@Example.com", email_verified: true };
const expected = { keys, issuer: "https://id.example.com/realms/acme/", clientId: "faultline", nonce: "n-1", nowSeconds: now };

function jwt(payload: object, options: { alg?: string; kid?: string; key?: KeyObject } = {}): string {
  const alg = options.alg ?? "RS256";
  const head = Buffer.from(JSON.stringify({ alg, kid: options.kid ?? "rsa-1", typ: "JWT" })).toString("base64url");
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const input = Buffer.from(`${head}.${body}`);
  const signature =
    alg === "ES256"
      ? sign("sha256", input, { key: options.key ?? ec.privateKey, dsaEncoding: "ieee-p1363" })
      : alg === "HS256"
        ? createHmac("sha256", "secret").update(input).digest()
        : sign("sha256", input, options.key ?? rsa.privateKey);
  return `${head}.${body}.${signature.toString("base64url")}`;
}

describe("ID token verification", () => {
  it("accepts a token signed by the provider's RSA or EC key, for this client, with this sign-in's nonce", () => {
    expect(verifyIdToken(jwt(claims), expected).sub).toBe("u-1");
    expect(verifyIdToken(jwt(claims, { alg: "ES256", kid: "ec-1" }), expected).sub).toBe("u-1");
    expect(verifyIdToken(jwt({ ...claims, aud: ["faultline", "other"], azp: "faultline" }), expected).sub).toBe("u-1");
  });

  it("refuses forged, foreign, stale and replayed tokens, naming why", () => {
    const cases: [string, string, RegExp][] = [
      ["another key", jwt(claims, { key: other.privateKey }), /signature/],
      ["unknown kid", jwt(claims, { kid: "nope" }), /no key/],
      ["alg none", `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`, /not accepted/],
      ["HMAC", jwt(claims, { alg: "HS256" }), /not accepted/],
      ["issuer", jwt({ ...claims, iss: "https://evil.example.com" }), /issued by/],
      ["audience", jwt({ ...claims, aud: "someone-else" }), /aud/],
      ["azp", jwt({ ...claims, aud: ["faultline", "other"], azp: "other" }), /azp/],
      ["expired", jwt({ ...claims, exp: now - 600 }), /expired/],
      ["future", jwt({ ...claims, iat: now + 3600 }), /future/],
      ["nonce", jwt({ ...claims, nonce: "n-2" }), /nonce/],
      ["tampered", jwt(claims).replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ ...claims, sub: "admin" })).toString("base64url")}.`), /signature/],
      ["garbage", "a.b.c", /header/],
      ["two parts", "a.b", /JWT/],
    ];
    for (const [name, token, message] of cases) expect(() => verifyIdToken(token, expected), name).toThrow(message);
  });

  it("reads the email only when the provider does not say it is unverified", () => {
    const verified = verifyIdToken(jwt(claims), expected);
    expect(verifiedEmail(verified)).toBe("ana@example.com");
    expect(verifiedEmail({ ...verified, email_verified: false })).toBeNull();
    expect(verifiedEmail({ ...verified, email_verified: "false" })).toBeNull();
    expect(verifiedEmail({ ...verified, email_verified: undefined })).toBe("ana@example.com");
    expect(verifiedEmail({ ...verified, email: undefined })).toBeNull();
  });
});
