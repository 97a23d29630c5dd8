export interface SentryTarget {
  /** `<scheme>://<host>[/<path>]/api/<project>/envelope/?sentry_key=…&sentry_version=7`. */
  envelopeUrl: string;
  publicKey: string;
  projectId: string;
}

/**
 * Reads a Sentry DSN, `<http|https>://<public_key>[:<secret>]@<host>[:<port>][/<path>]/<project_id>`,
 * into where its envelopes go. The path before the project (a proxy prefix) is kept. Null otherwise.
 */
export function parseTargetDsn(dsn: string): SentryTarget | null {
  let url: URL;
  try {
    url = new URL(dsn.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash) return null;
  const publicKey = safeDecode(url.username);
  const segments = url.pathname.split("/").filter(Boolean);
  const projectId = segments.pop();
  if (!publicKey || !projectId || !/^[A-Za-z0-9_-]{1,128}$/.test(projectId)) return null;
  const prefix = segments.length ? `/${segments.join("/")}` : "";
  const query = new URLSearchParams({ sentry_key: publicKey, sentry_version: "7", sentry_client: "faultline-forwarder/1.0" });
  return { envelopeUrl: `${url.protocol}//${url.host}${prefix}/api/${projectId}/envelope/?${query}`, publicKey, projectId };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}
