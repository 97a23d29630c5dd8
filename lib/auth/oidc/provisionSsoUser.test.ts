import { describe, expect, it } from "vitest";
import { mayProvision } from "@/lib/auth/oidc/provisionSsoUser";

describe("just-in-time accounts by email domain", () => {
  const provisioning = { domains: ["acme.com"], workspace: "acme", role: "viewer" as const };
  it("allows exactly the configured domains", () => {
    expect(mayProvision("ana@acme.com", provisioning)).toBe(true);
    expect(mayProvision("ana@ACME.com", provisioning)).toBe(true);
    expect(mayProvision("ana@eu.acme.com", provisioning)).toBe(false);
    expect(mayProvision("ana@acme.com.evil.io", provisioning)).toBe(false);
    expect(mayProvision("ana@evilacme.com", provisioning)).toBe(false);
    expect(mayProvision("ana@acme.com", { ...provisioning, domains: [] })).toBe(false);
  });
});
