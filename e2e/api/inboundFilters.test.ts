import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { envelope, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { BASE_URL, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";

const UA = {
  chrome: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
};
const ALL_ON = { browserExtensions: true, localhost: true, webCrawlers: true, legacyBrowsers: true, errorMessages: ["*ResizeObserver loop*"], releases: ["*-dev"] };

const storedEvents = async (projectId: string) => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorEventId" WHERE "projectId" = $1`, [projectId]))[0].n;
/** An event of the Faultline browser client: page and User-Agent under context.runtime. */
const browserEvent = (over: Record<string, unknown>, ua = UA.chrome, url = "https://shop.example/cart") => ({
  type: "TypeError",
  message: "x is undefined",
  release: "web@1.0.0",
  platform: "javascript",
  context: { runtime: { name: "browser", userAgent: ua, url } },
  ...over,
});

describe("inbound filters", () => {
  let t: Tenant;
  let admin: string;

  beforeAll(async () => {
    t = await createTenant("inbound-filters");
    admin = await login(t.admin);
  });

  it("are all off for a new project; members read them, only admins change them; bad settings answer 422 naming the field", async () => {
    const viewer = await api("GET", `/api/v1/projects/${t.projectId}/inbound-filters`, await login(t.viewer));
    expect(viewer.status).toBe(200);
    expect(viewer.body).toEqual({
      projectId: t.projectId,
      filters: { browserExtensions: false, localhost: false, webCrawlers: false, legacyBrowsers: false, errorMessages: [], releases: [] },
      filtered: { last24h: 0, last30d: 0, byReason: {} },
    });
    expect((await api("PUT", `/api/v1/projects/${t.projectId}/inbound-filters`, await login(t.member), ALL_ON)).status).toBe(403);
    const bad = await api("PUT", `/api/v1/projects/${t.projectId}/inbound-filters`, admin, { localhost: "yes", errorMessages: [""] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["errorMessages[0]", "localhost"]);
    const other = await createTenant("inbound-filters-other");
    expect((await api("GET", `/api/v1/projects/${other.projectId}/inbound-filters`, admin)).status).toBe(404);
  });

  it("drop what they match on the native door — answered with the reason, stored nowhere — and keep the rest", async () => {
    const saved = await api("PUT", `/api/v1/projects/${t.projectId}/inbound-filters`, admin, ALL_ON);
    expect(saved.status).toBe(200);
    expect(saved.body.filters).toEqual(ALL_ON);
    const before = await storedEvents(t.projectId);
    const batch = [
      browserEvent({ stackTrace: [{ function: "render", absPath: "https://shop.example/app.js" }, { function: "scan", absPath: "chrome-extension://abcdef/content.js", lineno: 1, colno: 5 }] }),
      browserEvent({}, UA.chrome, "http://localhost:5173/cart"),
      browserEvent({}, UA.googlebot),
      browserEvent({}, UA.ie11),
      browserEvent({ type: "Error", message: "ResizeObserver loop completed with undelivered notifications." }),
      browserEvent({ release: "web@1.1.0-dev" }),
      browserEvent({ message: "cart is undefined" }),
    ];
    const res = await postEvents(t.key, batch);
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body.accepted.map((a: { index: number }) => a.index)).toEqual([6]);
    expect(body.filtered.map((f: { index: number; reason: string }) => [f.index, f.reason])).toEqual([
      [0, "browser-extension"],
      [1, "localhost"],
      [2, "web-crawler"],
      [3, "legacy-browser"],
      [4, "error-message"],
      [5, "release"],
    ]);
    expect(body.filtered.every((f: { eventId: string }) => /^[0-9a-f]{32}$/.test(f.eventId))).toBe(true);
    expect(await storedEvents(t.projectId)).toBe(before + 1);
  });

  it("drop a Sentry SDK's event answered with its id, with its attachments", async () => {
    const before = await storedEvents(t.projectId);
    const eventId = newEventId();
    const event = JSON.stringify({
      event_id: eventId,
      platform: "javascript",
      request: { url: "https://shop.example/cart", headers: { "User-Agent": UA.googlebot } },
      exception: { values: [{ type: "TypeError", value: "x is undefined", stacktrace: { frames: [{ filename: "https://shop.example/app.js", function: "render", lineno: 1, colno: 2, in_app: true }] } }] },
    });
    const res = await postRaw(
      sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}&sentry_version=7`),
      new Uint8Array(envelope({ event_id: eventId }, [{ type: "event", payload: event }, { type: "attachment", payload: "log line", headers: { filename: "log.txt", content_type: "text/plain" } }])),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).id).toBe(eventId);
    expect(await storedEvents(t.projectId)).toBe(before);
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM "EventAttachment" WHERE "projectId" = $1`, [t.projectId]))[0].n).toBe(0);
  });

  it("count what they dropped in the ingest health and on the settings", async () => {
    const view = await waitFor(async () => {
      const res = await api("GET", `/api/v1/projects/${t.projectId}/inbound-filters`, admin);
      return res.body.filtered.last24h >= 7 ? res.body : undefined;
    });
    expect(view.filtered).toMatchObject({ last24h: 7, last30d: 7 });
    // By reason too (per UTC day, added every few seconds): which filter drops what.
    const byReason = await waitFor(async () => {
      const res = await api("GET", `/api/v1/projects/${t.projectId}/inbound-filters`, admin);
      const sum = Object.values(res.body.filtered.byReason as Record<string, number>).reduce((a, b) => a + b, 0);
      return sum >= 7 ? res.body.filtered.byReason : undefined;
    });
    expect(byReason).toEqual({ "browser-extension": 1, localhost: 1, "web-crawler": 2, "legacy-browser": 1, "error-message": 1, release: 1 });
    const health = await (await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/ingest-health`, { headers: { cookie: admin } })).json();
    expect(health.projects.find((p: { id: string }) => p.id === t.projectId).last24h).toMatchObject({ filtered: 7, accepted: 1 });
  });

  it("count against no quota: a batch bigger than the per-minute quota, all filtered, is not refused", async () => {
    const q = await createTenant("inbound-filters-quota");
    const qAdmin = await login(q.admin);
    expect((await api("PATCH", `/api/v1/projects/${q.projectId}`, qAdmin, { quotaPerMinute: 3 })).status).toBe(200);
    expect((await api("PUT", `/api/v1/projects/${q.projectId}/inbound-filters`, qAdmin, { releases: ["*-dev"] })).status).toBe(200);
    const res = await postEvents(q.key, Array.from({ length: 10 }, (_, i) => browserEvent({ release: "web@2.0.0-dev", message: `m ${i}` })));
    expect(res.status).toBe(202);
    expect((await res.json()).filtered).toHaveLength(10);
    // Turned off again, events are stored again (this instance reads the change at once).
    expect((await api("PUT", `/api/v1/projects/${q.projectId}/inbound-filters`, qAdmin, {})).status).toBe(200);
    const kept = await postEvents(q.key, browserEvent({ release: "web@2.0.0-dev" }));
    expect((await kept.json()).accepted).toHaveLength(1);
  });
});
