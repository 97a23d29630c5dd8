import { describe, expect, it } from "vitest";
import { workspaceAccess } from "@/lib/auth/workspaceAccess";

const rows = [
  { workspaceId: "a", role: "admin" as const, workspace: { requireTwoFactor: false } },
  { workspaceId: "b", role: "viewer" as const, workspace: { requireTwoFactor: true } },
];

describe("workspace access", () => {
  it("closes a workspace that requires two-factor sign-in to a member without it, and says which", () => {
    expect(workspaceAccess(rows, false)).toEqual({ memberships: [{ workspaceId: "a", role: "admin" }], twoFactorBlocked: ["b"] });
  });

  it("opens every workspace to a member with two-factor sign-in", () => {
    expect(workspaceAccess(rows, true)).toEqual({
      memberships: [
        { workspaceId: "a", role: "admin" },
        { workspaceId: "b", role: "viewer" },
      ],
      twoFactorBlocked: [],
    });
  });
});
