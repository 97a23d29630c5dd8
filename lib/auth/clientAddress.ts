import { env } from "@/lib/env";

/**
 * The client's address for per-address limits. Next.js sets X-Forwarded-For to the socket address
 * when the request has none; a reverse proxy appends the address it saw. So the last entry is the
 * nearest hop, and PROXY_HOPS more trusted proxies in front are skipped from the right. Directly
 * exposed (no proxy), a client can forge the header: per-account limits still hold; deploy behind a
 * proxy that appends the address for per-address limits to be exact.
 */
export function clientAddress(req: Request): string {
  return pickClientAddress(req.headers.get("x-forwarded-for"), env().PROXY_HOPS) ?? req.headers.get("x-real-ip")?.slice(0, 64) ?? "unknown";
}

/** The entry `hops` places left of the last one in an X-Forwarded-For list (clamped to the first). */
export function pickClientAddress(forwardedFor: string | null, hops: number): string | undefined {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - 1 - hops)].replace(/^::ffff:/, "").slice(0, 64);
}
