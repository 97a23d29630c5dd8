import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clearedLinkCookieHeader, LINK_TTL_MS, linkCookieHeader, openPendingLink, sealPendingLink } from "@/lib/auth/oidc/pendingLink";
import { makeKeyring, seal } from "@/lib/security/secretBox";

const ring = makeKeyring(randomBytes(32));
const link = { userId: "0193f0aa-0000-7000-8000-000000000001", email: "ana@acme.test", issuer: "https://id.acme.test", subject: "idp-ana" };
const now = 1_780_000_000_000;

describe("pending single sign-on link cookie", () => {
  it("opens what it sealed, unreadable in the browser, until it expires", () => {
    const sealed = sealPendingLink(link, ring, now);
    expect(sealed).not.toContain("ana@acme.test");
    expect(sealed).not.toContain("idp-ana");
    expect(openPendingLink(sealed, ring, now + 1000)).toEqual({ ...link, expiresAt: now + LINK_TTL_MS });
    expect(openPendingLink(sealed, ring, now + LINK_TTL_MS)).toBeNull();
  });

  it("refuses a missing, tampered or foreign cookie, and one sealed for another purpose", () => {
    const sealed = sealPendingLink(link, ring, now);
    expect(openPendingLink(undefined, ring, now)).toBeNull();
    expect(openPendingLink("", ring, now)).toBeNull();
    const parts = sealed.split(":");
    parts[4] = (parts[4][0] === "A" ? "B" : "A") + parts[4].slice(1);
    expect(openPendingLink(parts.join(":"), ring, now)).toBeNull();
    expect(openPendingLink(sealed, makeKeyring(randomBytes(32)), now)).toBeNull();
    // The flow cookie is sealed with the same keyring: its context keeps it from passing for a link.
    expect(openPendingLink(seal(JSON.stringify({ ...link, expiresAt: now + 1000 }), "oidc_flow", ring), ring, now)).toBeNull();
    expect(openPendingLink(seal(JSON.stringify({ ...link, subject: "", expiresAt: now + 1000 }), "oidc_link", ring), ring, now)).toBeNull();
  });

  it("is an HTTP-only cookie for the whole site, sent on the provider's redirect, for 10 minutes", () => {
    expect(linkCookieHeader("v", "; Secure")).toBe("faultline_sso_link=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=600; Secure");
    expect(clearedLinkCookieHeader("")).toBe("faultline_sso_link=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
  });
});
