import { isPlainObject } from "@/lib/alerts/channels/channelConfig";
import { isMasked } from "@/lib/alerts/channels/maskSecrets";
import { urlEndpoint } from "@/lib/text/urlEndpoint";
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
  // A URL field that changes host — or appears where there was none (PagerDuty's events URL is
  // optional: absent means the default endpoint) — moves the destination.
  const moved = Object.keys(patch).filter((key) => {
    const after = urlEndpoint(merged[key]);
    const before = urlEndpoint(existing[key]);
    return after !== before && (before !== null || (after !== null && (existing[key] === undefined || existing[key] === null)));
  });
  if (moved.length === 0) return;
  const missing = secretFields.filter((field) => !moved.includes(field) && existing[field] !== undefined && existing[field] !== null && !enteredAgain(existing[field], patch[field]));
  if (missing.length === 0) return;
  const message = `enter it again: the destination changed (${moved.map((key) => `${prefix}${key}`).join(", ")}), and secrets are not carried over to another host`;
  throw ApiError.validation(
    `invalid ${prefix}${missing[0]}: ${message}`,
    missing.map((field) => ({ path: `${prefix}${field}`, message })),
  );
}

/**
 * Given anew in the patch: a value (or null, clearing it) with no masked part sent back from GET. An
 * object of secrets (headers) is merged name by name, so every stored name must come again, unmasked
 * (or null): a patch naming one new header would otherwise carry the others along.
 */
function enteredAgain(stored: unknown, given: unknown): boolean {
  if (given === undefined) return false;
  if (given === null) return true;
  if (isPlainObject(stored) && isPlainObject(given)) return Object.keys(stored).every((name) => Object.hasOwn(given, name) && !isMasked(given[name]));
  if (isPlainObject(given)) return Object.values(given).every((v) => !isMasked(v));
  return !isMasked(given);
}
