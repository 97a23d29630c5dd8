export interface SentryAuth {
  /** The DSN's public key (`sentry_key`). */
  key?: string;
  /** "<sdk name>/<version>", e.g. "sentry.javascript.node/11.0.0" (`sentry_client`). */
  client?: string;
  /** Protocol version, "7" for every current SDK (`sentry_version`). */
  version?: string;
  /** When the client sent the request, Unix seconds by its clock (`sentry_timestamp`, legacy clients). */
  timestamp?: string;
}

const MAX_VALUE = 256;

/**
 * Reads Sentry authentication from the `X-Sentry-Auth` header
 * (`Sentry sentry_version=7, sentry_key=abc, sentry_client=sentry.javascript.node/11.0.0`) and from
 * the query string (`?sentry_key=abc&sentry_version=7&sentry_client=...`, how the v11 SDKs send
 * it). A value in the header wins over the same value in the query string. `sentry_secret` is
 * ignored; empty values count as absent.
 */
export function parseSentryAuth(header?: string | null, query?: URLSearchParams | string | null): SentryAuth {
  const fromHeader = header ? parseHeader(header) : new Map<string, string>();
  const params = typeof query === "string" ? new URLSearchParams(query.startsWith("?") ? query.slice(1) : query) : query;
  const pick = (name: string): string | undefined => {
    const value = fromHeader.get(name) ?? params?.get(name)?.trim();
    return value ? value.slice(0, MAX_VALUE) : undefined;
  };
  const auth: SentryAuth = {};
  const key = pick("sentry_key");
  if (key) auth.key = key;
  const client = pick("sentry_client");
  if (client) auth.client = client;
  const version = pick("sentry_version");
  if (version) auth.version = version;
  const timestamp = pick("sentry_timestamp");
  if (timestamp) auth.timestamp = timestamp;
  return auth;
}

/**
 * Every `sentry_key` of an X-Sentry-Auth (or `Authorization: Sentry …`) header, bounded like
 * parseSentryAuth's: one normally, more when the field or the header was sent twice (node:http and
 * Fetch join a repeated header with ", ").
 */
export function sentryKeysOf(header: string | null | undefined): string[] {
  if (!header) return [];
  return headerFields(header)
    .filter(([name]) => name === "sentry_key")
    .map(([, value]) => value.slice(0, MAX_VALUE));
}

/** `Sentry k1=v1, k2=v2`: the "Sentry" scheme word is optional, values may be double-quoted; the first of a repeated name wins. */
function parseHeader(header: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [name, value] of headerFields(header)) if (!fields.has(name)) fields.set(name, value);
  return fields;
}

/** The non-empty `name=value` fields of a header, in order (a repeated header's "Sentry" word is skipped too). */
function headerFields(header: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const part of header.trim().split(",")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const name = part
      .slice(0, eq)
      .trim()
      .replace(/^sentry\s+/i, "")
      .toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).trim();
    if (name && value) fields.push([name, value]);
  }
  return fields;
}
