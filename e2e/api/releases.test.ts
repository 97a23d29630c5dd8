import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";

const HOUR = 3_600_000;
const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
const event = (type: string, release: string, hoursAgo: number) => ({ type, message: `${type} happened`, severity: "high", release, occurredAt: at(hoursAgo) });

describe("GET /api/v1/workspaces/:id/releases", () => {
  let t: Tenant;
  let viewer: string;
  let admin: string;
  let otherProjectId = "";

  beforeAll(async () => {
    t = await createTenant("releases");
    viewer = await login(t.viewer);
    admin = await login(t.admin);
    // 1.0.0 introduces Checkout (twice) and Cart; 1.1.0 still has Checkout and introduces Search; Cart gets resolved.
    const res = await postEvents(t.key, [
      event("CheckoutError", "shop@1.0.0", 30),
      event("CheckoutError", "shop@1.0.0", 29),
      event("CartError", "shop@1.0.0", 28),
      event("CheckoutError", "shop@1.1.0", 5),
      event("SearchError", "shop@1.1.0", 4),
      { type: "NoReleaseError", message: "no release", severity: "low" },
    ]);
    expect(res.status).toBe(202);
    const cart = (await res.json()).accepted[2].groupId;
    expect((await api("PATCH", `/api/v1/errors/${cart}`, admin, { status: "resolved" })).status).toBe(200);
    const project = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/projects`, admin, { name: "Mobile", platform: "python" })).body;
    otherProjectId = project.id;
    expect((await postEvents(project.ingestKey, event("CrashError", "mobile@2.0.0", 2))).status).toBe(202);
  });

  it("lists releases newest first with events, issues, the issues each introduced and what is still open", async () => {
    const res = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases`, viewer);
    expect(res.status).toBe(200);
    const items = res.body.items as { version: string; events: number; issues: number; newIssues: number; unresolved: number; firstSeen: string; lastSeen: string }[];
    expect(items.map((r) => [r.version, r.events, r.issues, r.newIssues, r.unresolved])).toEqual([
      ["mobile@2.0.0", 1, 1, 1, 1],
      ["shop@1.1.0", 2, 2, 1, 2],
      ["shop@1.0.0", 3, 2, 2, 1],
    ]);
    const first = items.find((r) => r.version === "shop@1.0.0")!;
    expect(Date.parse(first.firstSeen)).toBeLessThan(Date.parse(first.lastSeen));
  });

  it("firstRelease: finds the issues a release introduced, as the New column counts them", async () => {
    const types = async (search: string) =>
      ((await api("GET", `/api/v1/errors?${new URLSearchParams({ workspaceId: t.workspaceId, query: search, sort: "firstSeen", order: "asc" })}`, viewer)).body.items as { type: string }[]).map((i) => i.type);
    expect(await types("firstRelease:shop@1.1.0")).toEqual(["SearchError"]);
    expect(await types("firstRelease:shop@1.0.0")).toEqual(["CheckoutError", "CartError"]);
    expect(await types("firstRelease:shop@*")).toEqual(["CheckoutError", "CartError", "SearchError"]);
    // Negated, an issue without any release is "not introduced by shop@1.0.0" too.
    expect((await types("!firstRelease:shop@1.0.0")).sort()).toEqual(["CrashError", "NoReleaseError", "SearchError"]);
  });

  it("narrows to one project", async () => {
    const mobile = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases?projectId=${otherProjectId}`, viewer);
    expect(mobile.body.items.map((r: { version: string }) => r.version)).toEqual(["mobile@2.0.0"]);
    const shop = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases?projectId=${t.projectId}&limit=1`, viewer);
    expect(shop.body.items.map((r: { version: string }) => r.version)).toEqual(["shop@1.1.0"]);
  });

  it("adds release health from Sentry sessions, and lists a release that only sent sessions", async () => {
    const app = await createTenant("releases-health");
    const started = new Date().toISOString();
    const send = (items: { type: string; payload: string }[]) => postRaw(sentryUrl(app.projectPublicId, "envelope", `sentry_key=${app.key}&sentry_version=7`), new Uint8Array(envelope({}, items)));
    const id = newEventId();
    const res = await send([
      { type: "event", payload: errorEvent(id, { release: "app@2.0.0" }) },
      // Aggregated (server SDKs): 7 exited, 1 errored; single sessions (browsers): one crashed, one exited.
      { type: "sessions", payload: JSON.stringify({ aggregates: [{ started, exited: 7, errored: 1 }], attrs: { release: "app@2.0.0", environment: "production" } }) },
      { type: "session", payload: JSON.stringify({ sid: newEventId(), status: "crashed", errors: 1, started, attrs: { release: "app@2.0.0", environment: "production" } }) },
      { type: "session", payload: JSON.stringify({ sid: newEventId(), status: "exited", errors: 0, started, attrs: { release: "app@2.1.0", environment: "production" } }) },
      // A session without a release counts as an execution only.
      { type: "session", payload: JSON.stringify({ sid: newEventId(), status: "crashed", errors: 1, started, attrs: { environment: "production" } }) },
    ]);
    expect(res.status).toBe(200);
    const items = (await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases`, await login(app.viewer))).body.items as {
      version: string;
      issues: number;
      sessions: { total: number; errored: number; crashed: number; crashFreeRate: number } | null;
    }[];
    expect(items.map((r) => r.version).sort()).toEqual(["app@2.0.0", "app@2.1.0"]);
    const v2 = items.find((r) => r.version === "app@2.0.0")!;
    expect(v2.issues).toBe(1);
    expect(v2.sessions).toEqual({ total: 9, errored: 1, crashed: 1, crashFreeRate: 1 - 1 / 9 });
    const v21 = items.find((r) => r.version === "app@2.1.0")!;
    expect(v21.issues).toBe(0);
    expect(v21.sessions).toEqual({ total: 1, errored: 0, crashed: 0, crashFreeRate: 1 });
    // The errors-only releases of the first tenant carry no session figures.
    const shop = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases`, viewer);
    expect(shop.body.items.every((r: { sessions: unknown }) => r.sessions === null)).toBe(true);
  });

  it("refuses bad parameters by name and other workspaces' members", async () => {
    const bad = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases?projectId=nope&limit=0`, viewer);
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["limit", "projectId"]);
    const other = await createTenant("releases-other");
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases`, await login(other.admin))).status).toBe(404);
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases`, null)).status).toBe(401);
  });

  it("a merge keeps the earliest first release: the merged issue no longer counts as new in the later one", async () => {
    const list = (await api("GET", `/api/v1/errors?${new URLSearchParams({ workspaceId: t.workspaceId, projectId: t.projectId })}`, admin)).body.items as { errorId: string; type: string }[];
    const id = (type: string) => list.find((i) => i.type === type)!.errorId;
    const merged = await api("POST", "/api/v1/errors/merge", admin, { targetId: id("SearchError"), sourceIds: [id("CartError")] });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const items = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases?projectId=${t.projectId}`, viewer)).body.items as { version: string; newIssues: number }[];
    expect(items.map((r) => [r.version, r.newIssues])).toEqual([
      ["shop@1.1.0", 0],
      ["shop@1.0.0", 2],
    ]);
  });
});
