import { describe, expect, it } from "vitest";
import { newRecoveryCodes, normaliseRecoveryCode, recoveryCodeHash } from "@/lib/twoFactor/recoveryCodes";

describe("recovery codes", () => {
  it("makes ten distinct codes of two groups of five, without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it("hashes a code the same however it is typed", () => {
    const [code] = newRecoveryCodes(1);
    // As typed, pasted from a document that turned the dash typographic, or on a full-width keyboard.
    const fullWidth = [...code.toUpperCase()].map((c) => (c === "-" ? "－" : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join("");
    const typed = [code.toUpperCase(), code.replace("-", ""), ` ${code.slice(0, 5)} ${code.slice(6)} `, code.replace("-", "–"), fullWidth];
    for (const t of typed) expect(recoveryCodeHash(t)).toBe(recoveryCodeHash(code));
    expect(recoveryCodeHash(newRecoveryCodes(1)[0])).not.toBe(recoveryCodeHash(code));
    expect(normaliseRecoveryCode("123456")).toBeNull();
    expect(normaliseRecoveryCode("abcde-fghij-k")).toBeNull();
  });
});
