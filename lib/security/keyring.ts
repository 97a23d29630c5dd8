import { makeKeyring, parseSecretKey, SecretKeyError, type Keyring } from "@/lib/security/secretBox";

const globalForKeyring = globalThis as unknown as { faultlineKeyring?: { source: string; keyring: Keyring } };

/**
 * The server's keyring: FAULTLINE_SECRET_KEY (seals and opens) and FAULTLINE_SECRET_KEY_PREVIOUS
 * (comma-separated, open only: keys being rotated out). Throws SecretKeyError, naming the variable,
 * when the key is missing or malformed. `npm start` generates one for the embedded demo database.
 */
export function keyring(): Keyring {
  const current = process.env.FAULTLINE_SECRET_KEY ?? "";
  const previous = process.env.FAULTLINE_SECRET_KEY_PREVIOUS ?? "";
  const source = `${current}|${previous}`;
  const cached = globalForKeyring.faultlineKeyring;
  if (cached?.source === source) return cached.keyring;
  if (!current.trim()) {
    throw new SecretKeyError("FAULTLINE_SECRET_KEY is not set: channel and forwarding-rule secrets are encrypted with it (generate one with `openssl rand -hex 32`)");
  }
  const ring = makeKeyring(
    parseSecretKey(current),
    previous
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean)
      .map((k) => parseSecretKey(k, "FAULTLINE_SECRET_KEY_PREVIOUS")),
  );
  globalForKeyring.faultlineKeyring = { source, keyring: ring };
  return ring;
}
