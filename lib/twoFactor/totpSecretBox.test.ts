import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { openTotpSecret, openTotpSecretForSignIn, sealTotpSecret, totpSecretNeedsReseal } from "@/lib/twoFactor/totpSecretBox";

const saved = { current: process.env.FAULTLINE_SECRET_KEY, previous: process.env.FAULTLINE_SECRET_KEY_PREVIOUS };
const useKeys = (current: string, previous?: string) => {
  process.env.FAULTLINE_SECRET_KEY = current;
  if (previous) process.env.FAULTLINE_SECRET_KEY_PREVIOUS = previous;
  else delete process.env.FAULTLINE_SECRET_KEY_PREVIOUS;
};
afterEach(() => {
  for (const [name, value] of [["FAULTLINE_SECRET_KEY", saved.current], ["FAULTLINE_SECRET_KEY_PREVIOUS", saved.previous]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("the sealed authenticator secret", () => {
  const [keyA, keyB] = [randomBytes(32).toString("hex"), randomBytes(32).toString("hex")];

  it("opens only for its own user, and needs re-sealing after a key rotation", () => {
    useKeys(keyA);
    const sealed = sealTotpSecret("user-1", "JBSWY3DPEHPK3PXP");
    expect(JSON.stringify(sealed)).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openTotpSecret("user-1", sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => openTotpSecret("user-2", sealed)).toThrow();
    useKeys(keyB, keyA);
    expect(openTotpSecret("user-1", sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(totpSecretNeedsReseal(sealed)).toBe(true);
  });

  it("answers a sign-in 503 naming the key when no configured key opens it (not a wrong code, not a crash)", () => {
    useKeys(keyA);
    const sealed = sealTotpSecret("user-1", "JBSWY3DPEHPK3PXP");
    useKeys(keyB);
    let thrown: unknown;
    try {
      openTotpSecretForSignIn("user-1", sealed);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 503, code: "secret_key_mismatch" });
    expect((thrown as Error).message).toContain("FAULTLINE_SECRET_KEY");
  });
});
