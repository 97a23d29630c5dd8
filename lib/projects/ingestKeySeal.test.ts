import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { ingestKeyNeedsReseal, openIngestKey, revealIngestKey, sealIngestKey, sealNewIngestKey } from "@/lib/projects/ingestKeySeal";
import { makeKeyring, sealedKeyId } from "@/lib/security/secretBox";

const KEY = "0123456789abcdef0123456789abcdef";
const [ringA, ringB] = [makeKeyring(randomBytes(32)), makeKeyring(randomBytes(32))];
const rotated = makeKeyring(ringB.current.key, [ringA.current.key]);

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}

describe("an ingest key's sealed copy", () => {
  it("never holds the key in clear, opens only for its own row, and re-seals after a rotation", () => {
    const sealed = sealIngestKey("key-1", KEY, ringA);
    expect(sealed).not.toContain(KEY);
    expect(sealedKeyId(sealed)).toBe(ringA.current.id);
    expect(openIngestKey("key-1", sealed, ringA)).toBe(KEY);
    expect(() => openIngestKey("key-2", sealed, ringA)).toThrow(/failed authentication/);
    expect(ingestKeyNeedsReseal(sealed, ringA)).toBe(false);
    // FAULTLINE_SECRET_KEY_PREVIOUS holds the old key: it still opens, and the re-seal pass picks it.
    expect(openIngestKey("key-1", sealed, rotated)).toBe(KEY);
    expect(ingestKeyNeedsReseal(sealed, rotated)).toBe(true);
    expect(ingestKeyNeedsReseal(sealIngestKey("key-1", KEY, rotated), rotated)).toBe(false);
    expect(ingestKeyNeedsReseal(null, rotated)).toBe(false);
  });

  it("is revealed for a live key, and refused with a reason naming the key otherwise", () => {
    const live = { id: "key-1", revokedAt: null, keySealed: sealIngestKey("key-1", KEY, ringA) };
    expect(revealIngestKey(live, ringA)).toBe(KEY);
    expect(revealIngestKey(live, rotated)).toBe(KEY);

    const revoked = refusal(() => revealIngestKey({ ...live, revokedAt: new Date() }, ringA));
    expect(revoked).toMatchObject({ status: 410, code: "ingest_key_revoked", details: { keyId: "key-1" } });

    const notKept = refusal(() => revealIngestKey({ ...live, keySealed: null }, ringA));
    expect(notKept).toMatchObject({ status: 409, code: "ingest_key_not_kept", details: { keyId: "key-1" } });
    expect(notKept.message).toMatch(/created before .* create a new key/);

    // FAULTLINE_SECRET_KEY changed without FAULTLINE_SECRET_KEY_PREVIOUS: a clear refusal, not a crash.
    const mismatch = refusal(() => revealIngestKey(live, ringB));
    expect(mismatch).toMatchObject({ status: 503, code: "secret_key_mismatch" });
    expect(mismatch.message).toContain("FAULTLINE_SECRET_KEY_PREVIOUS");
    // A copy moved onto another row does not open there either.
    expect(refusal(() => revealIngestKey({ ...live, id: "key-2" }, ringA))).toMatchObject({ code: "secret_key_mismatch" });
  });
});

describe("sealing a new key", () => {
  const saved = process.env.FAULTLINE_SECRET_KEY;
  afterEach(() => {
    if (saved === undefined) delete process.env.FAULTLINE_SECRET_KEY;
    else process.env.FAULTLINE_SECRET_KEY = saved;
  });

  it("seals with the configured key, and keeps no copy where none is configured", () => {
    const hex = randomBytes(32).toString("hex");
    process.env.FAULTLINE_SECRET_KEY = hex;
    const sealed = sealNewIngestKey("key-1", KEY);
    expect(sealed).not.toBeNull();
    expect(openIngestKey("key-1", sealed!, makeKeyring(Buffer.from(hex, "hex")))).toBe(KEY);
    delete process.env.FAULTLINE_SECRET_KEY;
    expect(sealNewIngestKey("key-1", KEY)).toBeNull();
  });
});
