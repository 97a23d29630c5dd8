import { describe, expect, it } from "vitest";
import { assertMayWatchDisk } from "@/lib/alerts/rules/diskWatch";
import type { AuthContext } from "@/lib/auth/AuthContext";

const admin = (operator: boolean): AuthContext => ({ kind: "user", userId: "u", email: "u@x", name: "U", memberships: [{ workspaceId: "w", role: "admin" }], operator });

describe("assertMayWatchDisk", () => {
  it("lets a workspace admin leave the disk check alone or turn it off", () => {
    expect(() => assertMayWatchDisk(admin(false), null, undefined)).not.toThrow();
    expect(() => assertMayWatchDisk(admin(false), 14, 14)).not.toThrow();
    expect(() => assertMayWatchDisk(admin(false), 14, null)).not.toThrow();
  });

  it("refuses a workspace admin who sets or changes it, naming the field", () => {
    for (const [current, requested] of [
      [null, 14],
      [14, 30],
    ] as const) {
      try {
        assertMayWatchDisk(admin(false), current, requested);
        expect.unreachable();
      } catch (e) {
        expect(e).toMatchObject({ status: 403, details: { field: "diskDaysLeft" } });
      }
    }
  });

  it("lets the instance operator set it", () => {
    expect(() => assertMayWatchDisk(admin(true), null, 14)).not.toThrow();
  });
});
