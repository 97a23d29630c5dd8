import type { Keyring } from "@/lib/security/secretBox";

/** How many stored values are sealed under each key id (the id a sealed value names: `v1:<key id>:…`). */
export interface SealedByKey {
  keyId: string;
  n: number;
}

export type SealedKeyVerdict = { ok: true } | { ok: false; sealed: number; keyIds: string[] };

/**
 * Whether the configured keys can be the ones the database's secrets were sealed with: fine when
 * nothing is sealed, or when at least one sealed value names a key of the ring (values left under a
 * key lost for good, beside ones sealed since, are the documented recovery; the start-up re-seal pass
 * reports them). When every sealed value names another key, the database was restored with another
 * key file, or FAULTLINE_SECRET_KEY changed without FAULTLINE_SECRET_KEY_PREVIOUS: nothing sealed
 * would open (sign-in with two-factor, channels, forwarding, uptime checks, revealing ingest keys).
 */
export function sealedKeyVerdict(sealed: SealedByKey[], ring: Keyring): SealedKeyVerdict {
  const total = sealed.reduce((sum, s) => sum + s.n, 0);
  if (total === 0) return { ok: true };
  const known = new Set([ring.current.id, ...ring.previous.map((k) => k.id)]);
  if (sealed.some((s) => s.n > 0 && known.has(s.keyId))) return { ok: true };
  return { ok: false, sealed: total, keyIds: [...new Set(sealed.filter((s) => s.n > 0).map((s) => s.keyId))].sort() };
}

/** The start-up refusal, in one sentence of what happened and what to do. */
export function sealedKeyMismatchMessage(verdict: { sealed: number; keyIds: string[] }, ring: Keyring): string {
  const them = verdict.keyIds.length === 1 ? `key ${verdict.keyIds[0]}` : `keys ${verdict.keyIds.join(", ")}`;
  return (
    `the database holds ${verdict.sealed} ${verdict.sealed === 1 ? "value" : "values"} sealed with ${them} and none with FAULTLINE_SECRET_KEY (key ${ring.current.id}` +
    `${ring.previous.length ? ` or FAULTLINE_SECRET_KEY_PREVIOUS` : ""}): it was restored with another key, or the key was changed. ` +
    `Set FAULTLINE_SECRET_KEY to the key it was sealed with (the embedded database: put back the .faultline/secret.key backed up with it), ` +
    `or keep that key in FAULTLINE_SECRET_KEY_PREVIOUS during a rotation. If it is lost for good, start with FAULTLINE_SECRET_KEY_LOST=1: ` +
    `two-factor sign-in then needs npm run faultline -- user:reset-two-factor, channel, forwarding-rule and uptime-monitor secrets must be entered again, ` +
    `and ingest keys keep working but can no longer be shown again (docs/security.md)`
  );
}
