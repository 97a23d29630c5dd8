import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { splitForwardConfig } from "@/lib/forwarding/rules/forwardingConfig";
import { forwardingSecretsNeedReseal, openForwardingSecrets, sealForwardingSecrets } from "@/lib/forwarding/rules/forwardingSecrets";
import { makeKeyring, SecretKeyError, sealedKeyId } from "@/lib/security/secretBox";

describe("forwarding rule secrets at rest", () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const ring = makeKeyring(oldKey);
  const { config, secrets } = splitForwardConfig("webhook", {
    url: "https://hooks.example.com/in/tok3n-in-path",
    secret: "whsec_signingsecret",
    headers: { "X-Api-Key": "header-api-key" },
  });

  it("keeps the secret fields out of the shown config and seals them into one string", () => {
    expect(Object.keys(secrets).sort()).toEqual(["headers", "secret", "url"]);
    expect(config).toEqual({});
    expect(splitForwardConfig("datadog", { url: "https://logs.example.com/v2", apiKey: "dd-key", service: "api" })).toEqual({
      config: { url: "https://logs.example.com/v2", service: "api" },
      secrets: { apiKey: "dd-key" },
    });
    const stored = sealForwardingSecrets("rule-1", secrets, ring) as { sealed: string };
    expect(Object.keys(stored)).toEqual(["sealed"]);
    for (const plain of ["tok3n-in-path", "whsec_signingsecret", "header-api-key", "hooks.example.com"]) expect(stored.sealed).not.toContain(plain);
    expect(openForwardingSecrets("rule-1", stored, ring)).toEqual(secrets);
  });

  it("binds the rule id: a sealed value copied to another rule does not open", () => {
    const stored = sealForwardingSecrets("rule-1", secrets, ring);
    expect(() => openForwardingSecrets("rule-2", stored, ring)).toThrow(SecretKeyError);
  });

  it("reads legacy plaintext rows as they are and wants them re-sealed", () => {
    const legacy = { dsn: "https://pubkey@o1.ingest.example.com/42" };
    expect(openForwardingSecrets("rule-1", legacy, ring)).toEqual(legacy);
    expect(forwardingSecretsNeedReseal(legacy, ring)).toBe(true);
    // Nothing to hide: an empty object, null, or a non-object stays as it is.
    expect(forwardingSecretsNeedReseal({}, ring)).toBe(false);
    expect(forwardingSecretsNeedReseal(null, ring)).toBe(false);
    expect(openForwardingSecrets("rule-1", null, ring)).toEqual({});
    // A legacy object that happens to carry another field next to "sealed" is plain, not sealed.
    expect(forwardingSecretsNeedReseal({ sealed: "x", apiKey: "k" }, ring)).toBe(true);
  });

  it("re-seals under a new key during rotation and refuses once the old key is gone", () => {
    const stored = sealForwardingSecrets("rule-1", secrets, ring);
    expect(forwardingSecretsNeedReseal(stored, ring)).toBe(false);
    const rotating = makeKeyring(newKey, [oldKey]);
    expect(forwardingSecretsNeedReseal(stored, rotating)).toBe(true);
    const resealed = sealForwardingSecrets("rule-1", openForwardingSecrets("rule-1", stored, rotating), rotating) as { sealed: string };
    expect(sealedKeyId(resealed.sealed)).toBe(rotating.current.id);
    expect(forwardingSecretsNeedReseal(resealed, rotating)).toBe(false);
    expect(openForwardingSecrets("rule-1", resealed, makeKeyring(newKey))).toEqual(secrets);
    expect(() => openForwardingSecrets("rule-1", stored, makeKeyring(newKey))).toThrow(/neither FAULTLINE_SECRET_KEY/);
  });
});
