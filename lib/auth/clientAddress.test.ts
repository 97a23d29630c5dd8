import { describe, expect, it } from "vitest";
import { pickClientAddress } from "@/lib/auth/clientAddress";

const pick = (forwardedFor: string | null, proxyHops: number, peer: string | null = "127.0.0.1") => pickClientAddress({ peer, forwardedFor, proxyHops });

describe("pickClientAddress", () => {
  it("with no trusted proxy (the default) takes the socket's address: X-Forwarded-For is the client's own word", () => {
    expect(pick("203.0.113.9", 0)).toBe("127.0.0.1");
    expect(pick("198.51.100.1, 203.0.113.9", 0)).toBe("127.0.0.1");
    expect(pick(null, 0, "192.0.2.44")).toBe("192.0.2.44");
  });

  it("behind N trusted proxies takes the entry the farthest one appended (the N-th from the right)", () => {
    expect(pick("203.0.113.9", 1)).toBe("203.0.113.9");
    expect(pick("forged, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(pick("forged, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    // Fewer entries than proxies: the first (the nearest the client there is).
    expect(pick("203.0.113.9", 3)).toBe("203.0.113.9");
    // No X-Forwarded-For: the request came straight to the app, not through the proxy.
    expect(pick(null, 1, "10.0.0.7")).toBe("10.0.0.7");
    expect(pick(" , ", 1, "10.0.0.7")).toBe("10.0.0.7");
  });

  it("normalises IPv4-mapped IPv6, bounds the length, and says unknown when nothing is known", () => {
    expect(pick(null, 0, "::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(pick("::FFFF:203.0.113.9", 1)).toBe("203.0.113.9");
    expect(pick(null, 0, "::1")).toBe("::1");
    expect(pick("x".repeat(500), 1)).toHaveLength(64);
    expect(pick(null, 0, null)).toBe("unknown");
    expect(pick("203.0.113.9", 0, null)).toBe("unknown");
    expect(pick(null, 2, "")).toBe("unknown");
  });
});
