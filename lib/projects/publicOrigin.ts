import { env } from "@/lib/env";

/**
 * The origin clients reach this server at, for DSNs and invitation / reset links: PUBLIC_URL when
 * set (do set it in production), else the scheme and Host the request came with (Next.js rewrites
 * the request URL's host to "localhost", so the URL itself is not used).
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
