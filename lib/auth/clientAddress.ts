import { env } from "@/lib/env";

/**
 * The header scripts/server.mjs sets on every request to the address of the socket it came in on
 * (replacing any copy the client sent). Trusted only when that server says it sets it
 * (`globalThis.faultlineSetsPeerHeader`): under `next dev` or `next start` a client could send it.
 */
export const PEER_HEADER = "x-faultline-peer";

const globalForPeer = globalThis as unknown as { faultlineSetsPeerHeader?: boolean };

/**
 * The client's address for per-address limits, the session list and the reset email's "requested
 * from". With PROXY_HOPS=0 (the default: nothing in front of the app) it is the socket's address,
 * whatever X-Forwarded-For says — a client directly connected chooses that header freely. With
 * PROXY_HOPS=N (N trusted reverse proxies, each appending the address it saw), it is the entry the
 * farthest trusted proxy appended: the N-th from the right (1: the last one, which the one proxy
 * appended).
 */
export function clientAddress(req: Request): string {
  const peer = globalForPeer.faultlineSetsPeerHeader ? req.headers.get(PEER_HEADER) : null;
  return pickClientAddress({ peer, forwardedFor: req.headers.get("x-forwarded-for"), proxyHops: env().PROXY_HOPS });
}

/**
 * The client's address from the socket's (`peer`) and, behind `proxyHops` trusted proxies, the
 * X-Forwarded-For entry the farthest of them appended (clamped to the first entry). A request with no
 * X-Forwarded-For came straight to the app: the socket's address. "unknown" when neither is known.
 */
export function pickClientAddress(input: { peer: string | null; forwardedFor: string | null; proxyHops: number }): string {
  if (input.proxyHops > 0) {
    const entries = (input.forwardedFor ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (entries.length > 0) return normalised(entries[Math.max(0, entries.length - input.proxyHops)]);
  }
  const peer = input.peer?.trim();
  return peer ? normalised(peer) : "unknown";
}

function normalised(address: string): string {
  return address.replace(/^::ffff:/i, "").slice(0, 64);
}
