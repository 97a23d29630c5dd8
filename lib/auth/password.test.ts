import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashPassword, needsRehash, scryptN, verifyPassword } from "@/lib/auth/password";

// Each test starts from the default cost (npm test sets PASSWORD_HASH_COST=12 for its app).
const configuredCost = process.env.PASSWORD_HASH_COST;
beforeEach(() => {
  delete process.env.PASSWORD_HASH_COST;
});
afterEach(() => {
  if (configuredCost === undefined) delete process.env.PASSWORD_HASH_COST;
  else process.env.PASSWORD_HASH_COST = configuredCost;
});

describe("password hashing", () => {
  it("hashes with N=2^17 unless configured and verifies only the right password", { timeout: 60_000 }, async () => {
    expect(scryptN()).toBe(1 << 17);
    const hash = await hashPassword("correct horse");
    expect(hash.split("$")[1]).toBe(String(1 << 17));
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct horse!", hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it("flags older, weaker hashes for rehashing and still verifies them", { timeout: 60_000 }, async () => {
    // A hash made with the former parameters (N=2^15), built by hand.
    const { scryptSync, randomBytes } = await import("node:crypto");
    const salt = randomBytes(16);
    const key = scryptSync("old secret", salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = ["scrypt", 1 << 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword("old secret", old)).toBe(true);
  });

  it("PASSWORD_HASH_COST sets N for new hashes; a stronger stored hash is not rehashed, a weaker one is", async () => {
    process.env.PASSWORD_HASH_COST = "17";
    const strong = await hashPassword("s3cret");
    process.env.PASSWORD_HASH_COST = "12";
    expect(scryptN()).toBe(1 << 12);
    const light = await hashPassword("s3cret");
    expect(light.split("$").slice(0, 4)).toEqual(["scrypt", String(1 << 12), "8", "1"]);
    expect(await verifyPassword("s3cret", light)).toBe(true);
    expect(await verifyPassword("s3cret", strong)).toBe(true);
    expect(needsRehash(strong)).toBe(false);
    process.env.PASSWORD_HASH_COST = "17";
    expect(needsRehash(light)).toBe(true);
  });

  it("rejects a PASSWORD_HASH_COST outside 10–18; empty means the default", () => {
    for (const bad of ["9", "19", "abc", "12.5"]) {
      process.env.PASSWORD_HASH_COST = bad;
      expect(() => scryptN(), bad).toThrow();
    }
    process.env.PASSWORD_HASH_COST = "";
    expect(scryptN()).toBe(1 << 17);
  });

  it("refuses malformed or absurd hashes without throwing", async () => {
    expect(await verifyPassword("x", "bcrypt$abc")).toBe(false);
    expect(await verifyPassword("x", "scrypt$NaN$8$1$c2FsdA$a2V5")).toBe(false);
    expect(await verifyPassword("x", `scrypt$${1 << 24}$8$1$c2FsdA$a2V5`)).toBe(false);
    expect(needsRehash("garbage")).toBe(true);
  });
});

describe("unknown emails", () => {
  it("are checked against a dummy hash with today's parameters (same cost as a real one)", { timeout: 60_000 }, async () => {
    const { dummyPasswordHash } = await import("@/lib/auth/password");
    const dummy = await dummyPasswordHash();
    expect(dummy.split("$").slice(0, 4)).toEqual(["scrypt", String(scryptN()), "8", "1"]);
    expect(needsRehash(dummy)).toBe(false);
  });
});
