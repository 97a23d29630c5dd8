export interface Endpoint {
  /** Base URL of the app, without a trailing slash. */
  url: string;
  key: string;
}

/**
 * Reads `https://<key>@host[:port][/path]`. A last path segment of digits is the project number of
 * Faultline's Sentry-style DSN and is dropped, so the DSN printed by `npm start` works as it is.
 */
export function parseDsn(dsn: string): Endpoint | null {
  let parsed: URL;
  try {
    parsed = new URL(dsn.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  const key = decodeURIComponent(parsed.username);
  if (!key) return null;
  const segments = parsed.pathname.split("/").filter(Boolean);
  if (segments.length > 0 && /^\d+$/.test(segments[segments.length - 1])) segments.pop();
  const path = segments.length ? `/${segments.join("/")}` : "";
  return { url: `${parsed.protocol}//${parsed.host}${path}`, key };
}

/**
 * The endpoint from the options: `url` + `key`, or `dsn`. Null when neither is complete. A `url`
 * given as the ingest URL itself (`…/api/v1/events`, as `npm start` prints it) is taken as its base.
 */
export function resolveEndpoint(options: { url?: string; key?: string; dsn?: string }): Endpoint | null {
  if (options.url && options.key) return { url: baseOf(options.url), key: options.key };
  if (options.dsn) return parseDsn(options.dsn);
  return null;
}

function baseOf(url: string): string {
  return url.replace(/\/+$/, "").replace(/\/api\/v1\/events$/, "");
}
