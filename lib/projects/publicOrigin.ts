import { env } from "@/lib/env";
import { instanceUrl } from "@/scripts/envValues.mjs";

/**
 * The origin of the links people are sent or handed — invitation links (emailed when SMTP_URL is
 * set) and admins' reset links: PUBLIC_URL, else where this instance listens (HOST:PORT, a wildcard
 * address as 127.0.0.1). Never the request's Host or X-Forwarded-Host: whoever sends the request
 * chooses those, and anyone signed in can create a workspace and invite any address — the
 * instance's own mail server would carry "… invited you to …" with a link to a host of theirs.
 */
export function linkOrigin(): string {
  return new URL(instanceUrl(process.env)).origin;
}

/**
 * The origin the caller reached this server at, for what is shown to that caller only (a project's
 * DSN, sentry-cli's upload URL): PUBLIC_URL when set (do set it in production), else the scheme
 * and Host the request came with (Next.js rewrites the request URL's host to "localhost", so the
 * URL itself is not used). Links sent to other people use linkOrigin.
 */
export function publicOrigin(req: Request): string {
  const configured = env().PUBLIC_URL;
  if (configured) return new URL(configured).origin;
  const url = new URL(req.url);
  const host = firstValue(req.headers.get("x-forwarded-host")) ?? req.headers.get("host") ?? url.host;
  const proto = firstValue(req.headers.get("x-forwarded-proto")) ?? url.protocol.replace(":", "");
  try {
    return new URL(`${proto === "https" ? "https" : "http"}://${host}`).origin;
  } catch {
    return url.origin;
  }
}

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}
