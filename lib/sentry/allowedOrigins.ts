/**
 * A project's allowed browser origins (`allowedOrigins`, Sentry's "Allowed Domains"): `*` (any),
 * an origin (`https://app.example.com`, `http://localhost:3000`), a whole domain with its
 * subdomains at any depth (`https://*.example.com`: `example.com` itself too, as Sentry matches
 * it), and either without a scheme (`example.com`, `*.example.com`: http and https). The port is
 * part of the match as it is of an origin: none is the scheme's default (browsers never send
 * `:443` or `:80`, so those are dropped when saved).
 */

/** An entry as saved: `[scheme://][*.]host[:port]` (host: a name or a bracketed IPv6 address). */
const ENTRY = /^(?:(https?):\/\/)?(\*\.)?([^*/:[\]\s]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;
/** A host (no `*`, path, credentials) and an optional port. */
const AUTHORITY = /^(?:\[[0-9a-f:.]+\]|[^*/?#@\\\s:[\]]+)(?::\d{1,5})?$/;
/** An Origin header as browsers send it. */
const ORIGIN = /^(https?):\/\/([^/:[\]\s]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;
const DEFAULT_PORT: Record<string, string> = { "http:": "80", "https:": "443", http: "80", https: "443" };

/**
 * An entry the way it is saved and compared — lower case, no trailing slash, an international
 * domain in its ASCII form (as browsers send it), no default port — or null for one that could
 * never match an origin: a path, a query, credentials, another scheme, a `*` anywhere but a
 * leading `*.` label.
 */
export function normaliseAllowedOrigin(raw: string): string | null {
  const entry = raw.trim().replace(/\/+$/, "").toLowerCase();
  if (entry === "*") return entry;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(entry)?.[1];
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") return null;
  const rest = scheme === undefined ? entry : entry.slice(scheme.length + 3);
  const wildcard = rest.startsWith("*.");
  const authority = wildcard ? rest.slice(2) : rest;
  if (!AUTHORITY.test(authority)) return null;
  let url: URL;
  try {
    url = new URL(`${scheme ?? "https"}://${authority}`);
  } catch {
    return null;
  }
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password || !url.hostname) return null;
  // URL drops the default port of the scheme it was parsed with; without a scheme, a port written is kept.
  const written = /:(\d{1,5})$/.exec(authority)?.[1];
  const port = scheme === undefined ? written : url.port || undefined;
  const normalised = `${scheme === undefined ? "" : `${scheme}://`}${wildcard ? "*." : ""}${url.hostname}${port ? `:${Number(port)}` : ""}`;
  return ENTRY.test(normalised) ? normalised : null;
}

/**
 * Whether a browser's `origin` may send to a project allowing `allowed` (not empty: empty allows
 * every origin, decided by the caller). One array lookup for an origin listed as it is; the
 * patterns are read only when that misses.
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  if (allowed.includes(origin) || allowed.includes("*")) return true;
  const parsed = ORIGIN.exec(origin.toLowerCase());
  if (!parsed) return false;
  const [, scheme, host, rawPort] = parsed;
  const port = rawPort === DEFAULT_PORT[scheme] ? undefined : rawPort;
  return allowed.some((entry) => entryMatches(entry, scheme, host, port));
}

function entryMatches(entry: string, scheme: string, host: string, port: string | undefined): boolean {
  const m = ENTRY.exec(entry);
  if (!m) return false;
  const [, entryScheme, wildcard, entryHost, rawPort] = m;
  if (entryScheme !== undefined && entryScheme !== scheme) return false;
  // An entry saved before default ports were dropped (`https://x:443`) still matches.
  const entryPort = rawPort === DEFAULT_PORT[entryScheme ?? scheme] ? undefined : rawPort;
  if (entryPort !== port) return false;
  return host === entryHost || (wildcard !== undefined && host.endsWith(`.${entryHost}`));
}
