import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyId, makeKeyring, open, parseSecretKey, seal, SecretKeyError, sealedKeyId } from "@/lib/security/secretBox";

describe("secretBox (AES-256-GCM)", () => {
  const a = randomBytes(32);
  const b = randomBytes(32);

  it("seals and opens, with a fresh IV every time", () => {
    const ring = makeKeyring(a);
    const one = seal("https://hooks.example.com/T/B/secret", "row:1", ring);
    const two = seal("https://hooks.example.com/T/B/secret", "row:1", ring);
    expect(one).not.toBe(two);
    expect(one).not.toContain("secret");
    expect(open(one, "row:1", ring)).toBe("https://hooks.example.com/T/B/secret");
    expect(sealedKeyId(one)).toBe(keyId(a));
  });

  it("refuses another row's context, a tampered value and an unknown key", () => {
    const ring = makeKeyring(a);
    const sealed = seal("s3cret", "row:1", ring);
    expect(() => open(sealed, "row:2", ring)).toThrow(SecretKeyError);
    const parts = sealed.split(":");
    const data = Buffer.from(parts[4], "base64url");
    data[0] ^= 0x01; // flipping a bit always changes the byte (setting it to a fixed value would not when it already had that value)
    parts[4] = data.toString("base64url");
    expect(() => open(parts.join(":"), "row:1", ring)).toThrow(SecretKeyError);
    expect(() => open(sealed, "row:1", makeKeyring(b))).toThrow(/neither FAULTLINE_SECRET_KEY/);
    expect(() => open("plain text", "row:1", ring)).toThrow(SecretKeyError);
  });

  it("opens values sealed under a previous key during rotation", () => {
    const old = seal("v", "ctx", makeKeyring(a));
    const rotated = makeKeyring(b, [a]);
    expect(open(old, "ctx", rotated)).toBe("v");
    expect(sealedKeyId(seal("v", "ctx", rotated))).toBe(keyId(b));
  });

  it("parses hex and base64 keys and refuses anything else with the variable's name", () => {
    expect(parseSecretKey(a.toString("hex"))).toEqual(a);
    expect(parseSecretKey(a.toString("base64"))).toEqual(a);
    expect(parseSecretKey(a.toString("base64url"))).toEqual(a);
    expect(() => parseSecretKey("too-short")).toThrow(/FAULTLINE_SECRET_KEY must be 32 random bytes/);
    expect(() => parseSecretKey("ab".repeat(31), "FAULTLINE_SECRET_KEY_PREVIOUS")).toThrow(/FAULTLINE_SECRET_KEY_PREVIOUS/);
  });
});
