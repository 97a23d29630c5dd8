import { describe, expect, it } from "vitest";
import { pickClientAddress } from "@/lib/auth/clientAddress";

describe("pickClientAddress", () => {
  it("takes the nearest hop, skipping trusted proxies from the right", () => {
    expect(pickClientAddress("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(pickClientAddress("forged, 203.0.113.9", 0)).toBe("203.0.113.9");
    expect(pickClientAddress("203.0.113.9, 10.0.0.2", 1)).toBe("203.0.113.9");
    expect(pickClientAddress("203.0.113.9", 3)).toBe("203.0.113.9");
  });

  it("normalises IPv4-mapped IPv6 and refuses empty headers", () => {
    expect(pickClientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(pickClientAddress(" , ", 0)).toBeUndefined();
    expect(pickClientAddress(null, 0)).toBeUndefined();
    expect(pickClientAddress("x".repeat(500), 0)).toHaveLength(64);
  });
});
