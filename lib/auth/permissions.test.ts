import { describe, expect, it } from "vitest";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertCanTriage, assertCanViewWorkspace, assertNotTwoFactorBlocked, assertSessionFor, assertSignedInSession, assertUser, higherRole, isInstanceOperator, visibleItem, visibleWorkspaceIds } from "@/lib/auth/permissions";
import { ApiError } from "@/lib/http/ApiError";

const W = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const user = (role: "viewer" | "member" | "admin", operator?: boolean): AuthContext => ({ kind: "user", userId: "u", email: "u@x", name: "U", memberships: [{ workspaceId: W, role }], operator });
const key: AuthContext = { kind: "ingestKey", keyId: "k", projectId: "p", workspaceId: W };

function status(fn: () => void): number {
  try {
    fn();
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

describe("permissions", () => {
  it("view: any role of the workspace and its ingest key; others 404", () => {
    for (const role of ["viewer", "member", "admin"] as const) expect(status(() => assertCanViewWorkspace(user(role), W))).toBe(200);
    expect(status(() => assertCanViewWorkspace(key, W))).toBe(200);
    expect(status(() => assertCanViewWorkspace(user("admin"), OTHER))).toBe(404);
  });

  it("a member kept out until they turn on two-factor sign-in: 403 two_factor_required; anyone else: nothing said", () => {
    const kept: AuthContext = { kind: "user", userId: "u", email: "u@x", name: "U", memberships: [], twoFactorBlocked: [W] };
    expect(status(() => assertCanViewWorkspace(kept, W))).toBe(403);
    expect(status(() => assertNotTwoFactorBlocked(kept, W))).toBe(403);
    expect(status(() => assertNotTwoFactorBlocked(kept, OTHER))).toBe(200);
    expect(status(() => assertCanViewWorkspace(kept, OTHER))).toBe(404);
    expect(status(() => assertNotTwoFactorBlocked(key, W))).toBe(200);
  });

  it("an item found by id: its own 404 when missing or of another workspace, 403 two_factor_required when of a workspace that keeps the caller out", () => {
    const kept: AuthContext = { kind: "user", userId: "u", email: "u@x", name: "U", memberships: [], twoFactorBlocked: [W] };
    const notFound = () => new ApiError(404, "not_found", "team not found", { field: "id" });
    const thrown = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error as ApiError;
      }
      throw new Error("did not throw");
    };
    const row = { id: "t", workspaceId: W };
    expect(visibleItem(user("viewer"), row, notFound)).toBe(row);
    expect(visibleItem(key, row, notFound)).toBe(row);
    expect(thrown(() => visibleItem(user("admin"), null, notFound))).toMatchObject({ status: 404, message: "team not found", details: { field: "id" } });
    expect(thrown(() => visibleItem(user("admin"), { workspaceId: OTHER }, notFound))).toMatchObject({ status: 404, message: "team not found" });
    expect(thrown(() => visibleItem(kept, row, notFound))).toMatchObject({ status: 403, code: "two_factor_required", details: { workspaceId: W } });
    expect(thrown(() => visibleItem(kept, { workspaceId: OTHER }, notFound))).toMatchObject({ status: 404 });
    expect(thrown(() => visibleItem(kept, undefined, notFound))).toMatchObject({ status: 404 });
  });

  it("triage: members and admins; viewers 403; other workspaces 404", () => {
    expect(status(() => assertCanTriage(user("viewer"), W))).toBe(403);
    expect(status(() => assertCanTriage(user("member"), W))).toBe(200);
    expect(status(() => assertCanTriage(user("admin"), W))).toBe(200);
    expect(status(() => assertCanTriage(user("admin"), OTHER))).toBe(404);
    expect(status(() => assertCanTriage(key, W))).toBe(403);
  });

  it("instance operator: only a user marked operator, never a workspace role or an ingest key", () => {
    expect(isInstanceOperator(user("admin"))).toBe(false);
    expect(isInstanceOperator(user("admin", false))).toBe(false);
    expect(isInstanceOperator(user("viewer", true))).toBe(true);
    expect(isInstanceOperator(key)).toBe(false);
  });

  it("administer: admins only", () => {
    expect(status(() => assertCanAdminister(user("member"), W))).toBe(403);
    expect(status(() => assertCanAdminister(user("admin"), W))).toBe(200);
    expect(status(() => assertCanAdminister(user("admin"), OTHER))).toBe(404);
  });

  it("people-only actions refuse an ingest key as unauthenticated; keys see their own workspace only", () => {
    expect(status(() => assertUser(key))).toBe(401);
    expect(status(() => assertUser(user("viewer")))).toBe(200);
    expect(visibleWorkspaceIds(key)).toEqual([W]);
  });

  it("what a leaked API token must not do: 403 session_required (naming the field) for a token, nothing for a session", () => {
    const token: AuthContext = { kind: "user", userId: "u", email: "u@x", name: "U", memberships: [{ workspaceId: W, role: "admin" }], apiTokenId: "t" };
    expect(status(() => assertSessionFor(user("admin"), "role", "needs a session"))).toBe(200);
    expect(status(() => assertSignedInSession(user("admin")))).toBe(200);
    for (const check of [() => assertSessionFor(token, "role", "making someone admin needs a signed-in session"), () => assertSignedInSession(token)]) {
      expect(status(check)).toBe(403);
      expect(() => check()).toThrow(expect.objectContaining({ code: "session_required" }));
    }
    expect(() => assertSessionFor(token, "role", "making someone admin needs a signed-in session")).toThrow(
      expect.objectContaining({ message: "making someone admin needs a signed-in session", details: { field: "role", issues: [{ path: "role", message: "making someone admin needs a signed-in session" }] } }),
    );
    // An ingest key is refused earlier (assertUser: 401); this check says nothing of it.
    expect(status(() => assertSessionFor(key, "role", "x"))).toBe(200);
  });

  it("ranks roles viewer < member < admin (an invitation never lowers a member's role)", () => {
    expect(higherRole("viewer", "member")).toBe("member");
    expect(higherRole("admin", "member")).toBe("admin");
    expect(higherRole("member", "viewer")).toBe("member");
    expect(higherRole("viewer", "viewer")).toBe("viewer");
  });
});
