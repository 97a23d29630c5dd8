import { describe, expect, it } from "vitest";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { viewKey } from "@/lib/analytics/getWorkspaceView";
import { TrackingQuerySchema } from "@/lib/analytics/trackingQuery";

const WS = "0190f3a2-0000-7000-8000-000000000001";
const OTHER = "0190f3a2-0000-7000-8000-000000000002";
const user = (role: "viewer" | "member" | "admin"): AuthContext => ({
  kind: "user",
  userId: `u-${role}`,
  email: `${role}@x`,
  name: role,
  memberships: [{ workspaceId: WS, role }, { workspaceId: OTHER, role: "admin" }],
});
const now = new Date("2026-11-24T10:17:30Z");
const key = (auth: AuthContext, ws: string, q: Record<string, string>, at = now) => viewKey(auth, ws, TrackingQuerySchema.parse(q), at);

describe("viewKey", () => {
  it("is the same for the same normalised query, whoever of a role asks", () => {
    const a = key(user("member"), WS, { timeframe: "24h" });
    expect(key({ ...user("member"), userId: "someone-else" } as AuthContext, WS, { timeframe: "24h", severity: "all", page: "1", pageSize: "25" })).toBe(a);
    expect(key(user("member"), WS, { timeframe: "24h", environment: "  production " })).toBe(key(user("member"), WS, { timeframe: "24h", environment: "production" }));
  });

  it("differs by workspace, role, every filter, page and window", () => {
    const base = key(user("member"), WS, { timeframe: "24h" });
    const variants = [
      key(user("member"), OTHER, { timeframe: "24h" }),
      key(user("viewer"), WS, { timeframe: "24h" }),
      key(user("member"), WS, { timeframe: "7d" }),
      key(user("member"), WS, { timeframe: "24h", severity: "critical" }),
      key(user("member"), WS, { timeframe: "24h", environment: "staging" }),
      key(user("member"), WS, { timeframe: "24h", projectId: "0190f3a2-0000-7000-8000-000000000009" }),
      key(user("member"), WS, { timeframe: "24h", page: "2" }),
      key(user("member"), WS, { timeframe: "24h", pageSize: "50" }),
      key(user("member"), WS, { timeframe: "24h" }, new Date("2026-11-24T11:00:00Z")), // the next hour's window
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    // Within the same bucket the window, and so the key, stays.
    expect(key(user("member"), WS, { timeframe: "24h" }, new Date("2026-11-24T10:59:59Z"))).toBe(base);
  });
});
