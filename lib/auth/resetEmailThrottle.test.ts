import { describe, expect, it } from "vitest";
import { throttleKeys } from "@/lib/auth/loginThrottle";
import { resetEmailKeys } from "@/lib/auth/resetEmailThrottle";

describe("resetEmailKeys", () => {
  it("counts an email however it is spelt, and apart from the sign-in limit's counters", () => {
    const keys = resetEmailKeys(" Ann@Example.com ", "203.0.113.7");
    expect(keys).toEqual(resetEmailKeys("ann@example.com", "203.0.113.7"));
    expect(keys.account).toMatch(/^reset-email:account:[0-9a-f]{64}$/);
    expect(keys.address).toBe("reset-email:address:203.0.113.7");
    const login = throttleKeys("ann@example.com", "203.0.113.7");
    expect([keys.account, keys.address]).not.toContain(login.account);
    expect([keys.account, keys.address]).not.toContain(login.address);
    expect(keys.account).not.toBe(resetEmailKeys("bob@example.com", "203.0.113.7").account);
  });
});
