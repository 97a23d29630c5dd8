export interface ParsedDsn {
  publicKey: string;
  /** The last path segment; any path before it (a reverse-proxy prefix) is ignored. */
  projectId: string;
  /** Host name with the port when one is given, lower-cased: "errors.example.com:8443". */
  host: string;
}

const PROJECT_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Parses a DSN, `<http|https>://<public_key>[:<secret>]@<host>[:<port>][/<path>]/<project_id>`.
 * The legacy secret key is accepted and ignored. Returns null for anything else.
 * (The SDKs themselves only accept a numeric project id; we take any id-like segment.)
 */
export function parseDsn(dsn: string): ParsedDsn | null {
  if (typeof dsn !== "string") return null;
  let url: URL;
  try {
    url = new URL(dsn.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.search || url.hash) return null;
  let publicKey: string;
  try {
    publicKey = decodeURIComponent(url.username);
  } catch {
    return null;
  }
  if (!publicKey || !url.hostname) return null;
  const segments = url.pathname.split("/").filter((s) => s !== "");
  const projectId = segments.at(-1);
  if (!projectId || !PROJECT_ID.test(projectId)) return null;
  return { publicKey, projectId, host: url.host.toLowerCase() };
}
