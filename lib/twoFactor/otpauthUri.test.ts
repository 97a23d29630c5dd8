import { describe, expect, it } from "vitest";
import { otpauthIssuer, otpauthUri } from "@/lib/twoFactor/otpauthUri";

describe("otpauth URI", () => {
  it("names the issuer and the account, and says how codes are made", () => {
    const uri = new URL(otpauthUri({ secret: "JBSWY3DPEHPK3PXP", email: "ana+ops@example.com", issuer: "Faultline (errors.example.com)" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Faultline (errors.example.com):ana+ops@example.com");
    expect(Object.fromEntries(uri.searchParams)).toEqual({ secret: "JBSWY3DPEHPK3PXP", issuer: "Faultline (errors.example.com)", algorithm: "SHA1", digits: "6", period: "30" });
  });

  it("tells instances apart by host, but not local ones", () => {
    expect(otpauthIssuer("https://errors.example.com/")).toBe("Faultline (errors.example.com)");
    expect(otpauthIssuer("http://127.0.0.1:3000")).toBe("Faultline");
    expect(otpauthIssuer(null)).toBe("Faultline");
    expect(otpauthIssuer("not a url")).toBe("Faultline");
  });
});
