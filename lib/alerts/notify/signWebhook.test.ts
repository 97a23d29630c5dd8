import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newSigningSecret, signatureHeaders, verifySignature } from "@/lib/alerts/notify/signWebhook";

describe("webhook signatures", () => {
  const secret = newSigningSecret();
  const body = JSON.stringify({ event: "alert.triggered", alert: { id: "a1" } });
  const now = new Date("2026-03-01T12:00:00Z");

  it("signs timestamp + body with HMAC-SHA256, as documented", () => {
    const headers = signatureHeaders(secret, body, now);
    const t = Math.floor(now.getTime() / 1000);
    expect(headers["x-faultline-timestamp"]).toBe(String(t));
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(headers["x-faultline-signature"]).toBe(`t=${t},v1=${expected}`);
  });

  it("verifies its own signature and refuses another body, secret or a stale timestamp", () => {
    const header = signatureHeaders(secret, body, now)["x-faultline-signature"];
    expect(verifySignature(secret, header, body, now)).toBe(true);
    expect(verifySignature(secret, header, body + " ", now)).toBe(false);
    expect(verifySignature(newSigningSecret(), header, body, now)).toBe(false);
    expect(verifySignature(secret, header, body, new Date(now.getTime() + 10 * 60_000))).toBe(false);
    expect(verifySignature(secret, "garbage", body, now)).toBe(false);
  });

  it("generates distinct, prefixed secrets", () => {
    expect(newSigningSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(newSigningSecret()).not.toBe(newSigningSecret());
  });
});
