import { describe, expect, it } from "vitest";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { buildErrorWhere } from "@/lib/errors/search/buildErrorWhere";

const WS = "0190b7c2-0000-7000-8000-000000000001";
const auth: AuthContext = { kind: "user", userId: "u1", email: "a@example.com", name: "A", memberships: [{ workspaceId: WS, role: "member" }] };
const since = "2026-11-16T00:00:00.000Z";
const until = "2026-12-16T00:00:00.000Z";

/** The where as JSON text, to look for the window's conditions in it. */
const whereOf = async (query?: string, extra: Record<string, string> = {}) => JSON.stringify((await buildErrorWhere(auth, { workspaceId: WS, since, until, query, ...extra }, new Date("2026-12-16T12:00:00Z"))).where);

describe("buildErrorWhere: the view's window", () => {
  it("cuts the list to the window without a date term: last seen after since, tags seen in it", async () => {
    const where = await whereOf("is:unresolved", { environment: "production" });
    expect(where).toContain(`"lastSeen":{"gte":"${since}"}`);
    expect(where).toContain(`"firstSeen":{"lte":"${until}"}`);
  });

  it("does not also apply since / until when the search chooses by lastSeen: or firstSeen:", async () => {
    for (const query of ["lastSeen:<2026-11-15", "firstSeen:+40d is:unresolved", "!lastSeen:-1h"]) {
      const where = await whereOf(query, { environment: "production" });
      expect(where, query).not.toContain(since);
      expect(where, query).not.toContain(until);
    }
    // The date term itself is still applied.
    expect(await whereOf("lastSeen:<2026-11-15")).toContain(`"lastSeen":{"lt":"2026-11-15T00:00:00.000Z"}`);
  });
});

describe("buildErrorWhere: whose workspace", () => {
  const BLOCKED = "0190b7c2-0000-7000-8000-000000000002";
  const OTHER = "0190b7c2-0000-7000-8000-000000000003";
  const kept: AuthContext = { ...auth, twoFactorBlocked: [BLOCKED] };
  const refusal = async (workspaceId: string) => {
    try {
      await buildErrorWhere(kept, { workspaceId });
      return null;
    } catch (error) {
      const e = error as { status: number; code: string; details?: Record<string, unknown> };
      return { status: e.status, code: e.code, workspaceId: e.details?.workspaceId };
    }
  };

  it("a workspace of theirs that requires two-factor sign-in: 403 two_factor_required naming it, like the workspace's other routes", async () => {
    expect(await refusal(BLOCKED)).toEqual({ status: 403, code: "two_factor_required", workspaceId: BLOCKED });
  });

  it("a workspace they are not in: 404, whatever it requires", async () => {
    expect(await refusal(OTHER)).toEqual({ status: 404, code: "not_found", workspaceId: undefined });
  });
});
