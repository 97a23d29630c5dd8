import { isMasked } from "@/lib/alerts/channels/maskSecrets";
import { ApiError } from "@/lib/http/ApiError";

type Json = Record<string, unknown>;

/**
 * A PATCH that points a channel or forwarding rule at another host must bring the secrets again:
 * a header, signing secret or API key entered for one endpoint is never sent to another one named
 * later (an admin — or whoever holds an admin's session — could otherwise read every stored secret
 * by aiming the channel at a server of theirs and pressing "test"). The destination is any URL
 * field's scheme, host and port; its path and query may change freely. 422 naming each secret
 * field left out (or sent back masked), so the form asks for it (paths under `prefix`, `config.`
 * for channels and forwarding rules).
 */
export function assertSecretsStayWithDestination(existing: Json, patch: Json, merged: Json, secretFields: readonly string[], prefix = "config."): void {
  const moved = Object.keys(patch).filter((key) => {
    const before = endpointOf(existing[key]);
    return before !== null && endpointOf(merged[key]) !== before;
  });
  if (moved.length === 0) return;
  const missing = secretFields.filter((field) => !moved.includes(field) && existing[field] !== undefined && existing[field] !== null && !enteredAgain(patch[field]));
  if (missing.length === 0) return;
  const message = `enter it again: the destination changed (${moved.map((key) => `${prefix}${key}`).join(", ")}), and secrets are not carried over to another host`;
  throw ApiError.validation(
    `invalid ${prefix}${missing[0]}: ${message}`,
    missing.map((field) => ({ path: `${prefix}${field}`, message })),
  );
}

/** `https://hooks.example.com:8443` of a URL value; null for anything else. */
function endpointOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

/** Given anew in the patch: a value (or null, clearing it) with no masked part sent back from GET. */
function enteredAgain(value: unknown): boolean {
  if (value === undefined) return false;
  if (value === null) return true;
  if (typeof value === "object") return Object.values(value).every((v) => !isMasked(v));
  return !isMasked(value);
}
