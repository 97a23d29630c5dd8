/**
 * How an end user to erase is recognised (lib/endUsers/erasure): pure, shared by the API's input
 * check, the search of their events and the scrubbing of text that names them.
 */

/** What identifies an end user: the events' user id, an email address, an IP address (at least one). */
export interface EndUserIdentifiers {
  userId?: string;
  email?: string;
  ipAddress?: string;
}

export const IDENTIFIER_KINDS = ["userId", "email", "ipAddress"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** An IPv4 address in dotted quads (0–255 each). */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether `text` is an IPv4 or IPv6 address (IPv6: hex groups and colons, at most one `::`, an IPv4 tail allowed). */
export function isIpAddress(text: string): boolean {
  if (IPV4.test(text)) return true;
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(":")) return false;
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half ? half.split(":") : []));
  const tail = groups.at(-1) ?? "";
  const ipv4Tail = tail.includes(".");
  if (ipv4Tail && !IPV4.test(tail)) return false;
  const hex = ipv4Tail ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = hex.length + (ipv4Tail ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/**
 * The identifiers as they are matched and hashed: trimmed; the email and the IP address in lower
 * case (an address's case means nothing; a user id's may).
 */
export function normaliseIdentifiers(input: EndUserIdentifiers): EndUserIdentifiers {
  const out: EndUserIdentifiers = {};
  const userId = input.userId?.trim();
  const email = input.email?.trim().toLowerCase();
  const ipAddress = input.ipAddress?.trim().toLowerCase();
  if (userId) out.userId = userId;
  if (email) out.email = email;
  if (ipAddress) out.ipAddress = ipAddress;
  return out;
}

/** The kinds given, in a fixed order. */
export function identifierKinds(ids: EndUserIdentifiers): IdentifierKind[] {
  return IDENTIFIER_KINDS.filter((kind) => ids[kind] !== undefined);
}

/** `text` as a literal inside a regular expression (PostgreSQL's advanced syntax and JavaScript's alike). */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

/**
 * A regular expression (case-insensitive, for PostgreSQL's `~*` and `regexp_replace(…, 'gi')`) that
 * finds the email or the IP address as a whole wherever it is written — a JSON value, a URL's query,
 * a message — and not inside a longer one: `ann@shop.test` is not found in `joann@shop.test` or
 * `ann@shop.test.example`, `10.0.0.1` not in `10.0.0.12` or `110.0.0.1` (a sentence's full stop
 * after it is no part of it). Null when neither is given: a user id is matched by the events' user
 * id only (an id such as `42` would be found everywhere).
 */
export function identifierPattern(ids: EndUserIdentifiers): string | null {
  const parts: string[] = [];
  if (ids.email) parts.push(`(?<![a-z0-9._%+-])${escapeRegex(ids.email)}(?![a-z0-9_-]|\\.[a-z0-9])`);
  if (ids.ipAddress) parts.push(`(?<![0-9a-f:.])${escapeRegex(ids.ipAddress)}(?![0-9a-f:]|\\.[0-9])`);
  return parts.length ? parts.map((p) => `(?:${p})`).join("|") : null;
}

/**
 * The user ids the events and the per-user rows may carry for this person: the user id given
 * (`exact`), and the email and the IP address (`lower`: compared ignoring case) — a Sentry event
 * without `user.id` is counted under its email, else its username, else its address.
 */
export function erasedUserIds(ids: EndUserIdentifiers): { exact: string[]; lower: string[] } {
  return { exact: ids.userId ? [ids.userId] : [], lower: [ids.email, ids.ipAddress].filter((v): v is string => v !== undefined) };
}
