import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, totpCode, totpStep } from "@/lib/twoFactor/totp";

// RFC 6238 appendix B (SHA-1): the ASCII key "12345678901234567890", 8-digit codes at these times.
const RFC_KEY = Buffer.from("12345678901234567890", "ascii");
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP", () => {
  it("computes RFC 6238's test vectors", () => {
    for (const [seconds, code] of RFC_VECTORS) expect(hotp(RFC_KEY, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it("computes RFC 4226's HOTP vectors (6 digits)", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expect(expected.map((_, counter) => hotp(RFC_KEY, counter))).toEqual(expected);
  });

  it("round-trips base32 and reads it in any case, with spaces and padding", () => {
    const secret = base32Encode(RFC_KEY);
    expect(secret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode(secret.toLowerCase().replace(/(.{4})/g, "$1 ") + "====")).toEqual(RFC_KEY);
    expect(() => base32Decode("GEZD1")).toThrow(/base32/);
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it("accepts the current code and one step either side, nothing further", () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 11, 5, 12, 0, 10);
    const step = totpStep(now);
    expect(matchTotp(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, now - 60_000), now, null)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now + 60_000), now, null)).toBeNull();
  });

  it("refuses a code at or before the last step used (replay), and malformed codes", () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 11, 5, 12, 0, 10);
    const code = totpCode(secret, now);
    expect(matchTotp(secret, code, now, totpStep(now))).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now, totpStep(now) - 1)).toBeNull();
    expect(matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(totpStep(now));
    const fullWidth = [...code].map((d) => String.fromCharCode(0xff10 + Number(d))).join("");
    expect(matchTotp(secret, fullWidth, now, null)).toBe(totpStep(now));
    for (const bad of ["", "12345", "1234567", "abcdef", "12 34 5"]) expect(matchTotp(secret, bad, now, null)).toBeNull();
  });
});
