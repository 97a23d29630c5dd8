import { isMasked, MASK } from "@/lib/alerts/channels/maskSecrets";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keyring } from "@/lib/security/keyring";
import type { Keyring } from "@/lib/security/secretBox";
import { openSecrets, sealSecrets, secretsNeedReseal } from "@/lib/security/sealedSecrets";

/**
 * An uptime monitor's `uptimeSecrets` column holds its request headers (`{headers: {…}}`) sealed with
 * AES-256-GCM under FAULTLINE_SECRET_KEY and bound to the monitor id, as channel and forwarding
 * secrets are; null when it sends none. Re-sealed by resealUptimeSecrets (start-up, secrets:rotate).
 */
export function sealUptimeSecrets(monitorId: string, headers: Record<string, string>, ring: Keyring = keyring()): Prisma.InputJsonValue | null {
  return Object.keys(headers).length === 0 ? null : sealSecrets({ headers }, uptimeSecretsContext(monitorId), ring);
}

/** The monitor's request headers; {} when it has none; throws SecretKeyError when they cannot be opened. */
export function openUptimeHeaders(monitorId: string, stored: unknown, ring: Keyring = keyring()): Record<string, string> {
  if (stored === null || stored === undefined) return {};
  const headers = openSecrets(stored, uptimeSecretsContext(monitorId), ring).headers;
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) return {};
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export function uptimeSecretsNeedReseal(stored: unknown, ring: Keyring = keyring()): boolean {
  return stored !== null && stored !== undefined && secretsNeedReseal(stored, ring);
}

function uptimeSecretsContext(monitorId: string): string {
  return `uptime_monitor:${monitorId}`;
}

/** The sealed value as the column takes it (JSON text), or null for no headers. */
export function sealedUptimeSecretsJson(monitorId: string, headers: Record<string, string>): string | null {
  const sealed = sealUptimeSecrets(monitorId, headers);
  return sealed === null ? null : JSON.stringify(sealed);
}

/** The monitor's request headers, or undefined when they no longer open (FAULTLINE_SECRET_KEY changed): an admin enters them again. */
export function readUptimeHeaders(monitorId: string, stored: unknown): Record<string, string> | undefined {
  try {
    return openUptimeHeaders(monitorId, stored);
  } catch {
    return undefined;
  }
}

/** The monitor's request header names with their values masked, as the API shows them; {} when they cannot be opened. */
export function maskedUptimeHeaders(monitorId: string, stored: unknown): Record<string, string> {
  return Object.fromEntries(Object.keys(readUptimeHeaders(monitorId, stored) ?? {}).map((name) => [name, MASK]));
}

/**
 * A PATCH of the request headers: the given set replaces the stored one, where a masked value (as
 * the API shows it) keeps that header's stored value, so a form can send back what it was shown.
 */
export function mergeUptimeHeaders(stored: Record<string, string>, patch: Record<string, string>): Record<string, string> {
  const byLowerName = new Map(Object.entries(stored).map(([name, value]) => [name.toLowerCase(), value]));
  return Object.fromEntries(
    Object.entries(patch).flatMap(([name, value]) => {
      if (!isMasked(value)) return [[name, value]];
      const kept = byLowerName.get(name.toLowerCase());
      return kept === undefined ? [] : [[name, kept]];
    }),
  );
}
