/**
 * Where a URL sends a request: its scheme, host and port (`https://hooks.example.com:8443`), the
 * userinfo, path and query left out; null for anything that is not a URL. Secrets stored for one
 * endpoint stay with it (channels, forwarding rules, uptime monitors).
 */
export function urlEndpoint(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}
