import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/notifications/unsubscribeToken";
import { makeKeyring, seal } from "@/lib/security/secretBox";

const ring = makeKeyring(randomBytes(32));
const userId = "0193f3c2-7d1e-7c4e-9a51-3f1d2b7c8e90";

describe("unsubscribe tokens", () => {
  it("carry the kinds of an email, or the weekly report, back to the server that sealed them", () => {
    expect(readUnsubscribeToken(unsubscribeToken({ userId, kinds: ["assigned", "regressed", "assigned"] }, ring), ring)).toEqual({ userId, kinds: ["assigned", "regressed"] });
    expect(readUnsubscribeToken(unsubscribeToken({ userId, weeklyReport: true }, ring), ring)).toEqual({ userId, weeklyReport: true });
  });

  it("are refused when altered, sealed with another key or for another purpose, or not tokens at all", () => {
    const token = unsubscribeToken({ userId, kinds: ["assigned"] }, ring);
    const parts = token.split(":");
    // One bit of the ciphertext flipped (editing base64 text may change only bits the decoder ignores).
    const data = Buffer.from(parts[4], "base64url");
    data[0] ^= 1;
    parts[4] = data.toString("base64url");
    expect(readUnsubscribeToken(parts.join(":"), ring)).toBeNull();
    expect(readUnsubscribeToken(token, makeKeyring(randomBytes(32)))).toBeNull();
    expect(readUnsubscribeToken(seal(JSON.stringify({ u: userId, w: 1 }), "faultline:other", ring), ring)).toBeNull();
    expect(readUnsubscribeToken(seal(JSON.stringify({ u: "not-a-uuid", w: 1 }), "faultline:email-unsubscribe", ring), ring)).toBeNull();
    expect(readUnsubscribeToken("hello", ring)).toBeNull();
  });
});
