import { env } from "@/lib/env";

/**
 * The client's address for per-address limits. Next.js sets X-Forwarded-For to the socket address
 * when the request has none; a reverse proxy appends the address it saw. So the last entry is the
 * nearest hop, and PROXY_HOPS more trusted proxies in front are skipped from the right. Directly
 * exposed (no proxy), a client can forge the header: per-account limits still hold; deploy behind a
 * proxy that appends the address for per-address limits to be exact.
 */
export function clientAddress(req: Request): string {
  const forwarded = (req.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = env().PROXY_HOPS;
  const address = forwarded[Math.max(0, forwarded.length - 1 - hops)] ?? req.headers.get("x-real-ip") ?? "unknown";
  return address.replace(/^::ffff:/, "").slice(0, 64);
}
