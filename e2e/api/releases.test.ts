import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
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
  /** When shop@1.0.0's three events happened. */
  let firstReleaseTimes: string[] = [];

  beforeAll(async () => {
    t = await createTenant("releases");
    viewer = await login(t.viewer);
    admin = await login(t.admin);
    // 1.0.0 introduces Checkout (twice) and Cart; 1.1.0 still has Checkout and introduces Search; Cart gets resolved.
    const events = [
      event("CheckoutError", "shop@1.0.0", 30),
      event("CheckoutError", "shop@1.0.0", 29),
      event("CartError", "shop@1.0.0", 28),
      event("CheckoutError", "shop@1.1.0", 5),
      event("SearchError", "shop@1.1.0", 4),
      { type: "NoReleaseError", message: "no release", severity: "low" },
    ];
    firstReleaseTimes = events.slice(0, 3).map((e) => ("occurredAt" in e ? e.occurredAt : ""));
    const res = await postEvents(t.key, events);
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
    // Each says whose it is, whatever the filter.
    expect(Object.fromEntries((res.body.items as { version: string; projectIds: string[] }[]).map((r) => [r.version, r.projectIds]))).toEqual({
      "mobile@2.0.0": [otherProjectId],
      "shop@1.1.0": [t.projectId],
      "shop@1.0.0": [t.projectId],
    });
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
    expect(v2.sessions).toEqual({ total: 9, errored: 1, crashed: 1, abnormal: 0, crashFreeRate: 1 - 1 / 9, users: 0, crashedUsers: 0, crashFreeUserRate: null });
    const v21 = items.find((r) => r.version === "app@2.1.0")!;
    expect(v21.issues).toBe(0);
    expect(v21.sessions).toEqual({ total: 1, errored: 0, crashed: 0, abnormal: 0, crashFreeRate: 1, users: 0, crashedUsers: 0, crashFreeUserRate: null });
    // The errors-only releases of the first tenant carry no session figures.
    const shop = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases`, viewer);
    expect(shop.body.items.every((r: { sessions: unknown }) => r.sessions === null)).toBe(true);
  });

  it("crash-free users: distinct users (the sessions' did) without a crashed session, a re-sent crash counted once", async () => {
    const app = await createTenant("releases-users");
    const started = new Date().toISOString();
    const send = (items: { type: string; payload: string }[]) => postRaw(sentryUrl(app.projectPublicId, "envelope", `sentry_key=${app.key}&sentry_version=7`), new Uint8Array(envelope({}, items)));
    const attrs = { release: "app@3.0.0", environment: "production" };
    const session = (did: string, status: string, sid = newEventId()) => ({ type: "session", payload: JSON.stringify({ sid, did, status, errors: status === "exited" ? 0 : 1, started, attrs }) });
    const crash = newEventId();
    // ada crashes once and has a clean session; bob's is clean; cyd's saw an error but did not crash;
    // dee's sessions come aggregated (a server SDK's request sessions naming the user).
    const first = await send([
      session("ada@example.com", "crashed", crash),
      session("ada@example.com", "exited"),
      session("bob", "exited"),
      session("cyd", "errored"),
      { type: "sessions", payload: JSON.stringify({ aggregates: [{ started, did: "dee", exited: 3 }], attrs }) },
    ]);
    expect(first.status).toBe(200);
    // The JavaScript SDKs send a crashed session's end again: neither sessions nor users change.
    expect((await send([session("ada@example.com", "crashed", crash)])).status).toBe(200);
    const member = await login(app.viewer);
    const expected = { total: 7, errored: 1, crashed: 1, abnormal: 0, crashFreeRate: 1 - 1 / 7, users: 4, crashedUsers: 1, crashFreeUserRate: 0.75 };
    const listed = (await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases`, member)).body.items as { version: string; sessions: unknown }[];
    expect(listed.find((r) => r.version === "app@3.0.0")!.sessions).toEqual(expected);
    const page = await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases/${encodeURIComponent("app@3.0.0")}`, member);
    expect(page.body.release.sessions).toEqual(expected);
    // The ids are kept as hashes only.
    const stored = await query<{ userKey: string }>(`SELECT "userKey" FROM "ReleaseUserDaily" WHERE "workspaceId" = $1::uuid`, [app.workspaceId]);
    expect(stored).toHaveLength(4);
    expect(stored.every((r) => /^[0-9a-f]{32}$/.test(r.userKey))).toBe(true);
  });

  it("browser sessions (never ended by the SDK): each page load counted once, when its init arrives, moved to its worst bucket by later updates", async () => {
    const app = await createTenant("releases-browser");
    const started = new Date().toISOString();
    const send = (items: object[]) =>
      postRaw(sentryUrl(app.projectPublicId, "envelope", `sentry_key=${app.key}&sentry_version=7`), new Uint8Array(envelope({}, items.map((payload) => ({ type: "session", payload: JSON.stringify(payload) })))));
    // What @sentry/browser 11's BrowserSession sends: the page load's session once (`init: true, status: "ok"`),
    // then only changes — the first error (`errors: 1`, still "ok"), an unhandled one ("unhandled") — and no end.
    const pageLoad = (release: string, did: string) => {
      const sid = newEventId();
      const base = { sid, did, started, duration: 0, attrs: { release, environment: "browser-health", user_agent: "Mozilla/5.0" } };
      return {
        sid,
        init: { ...base, init: true, status: "ok", errors: 0, timestamp: started },
        handled: { ...base, init: false, status: "ok", errors: 1, timestamp: new Date().toISOString() },
        unhandled: { ...base, init: false, status: "unhandled", errors: 1, timestamp: new Date().toISOString() },
        crashed: { ...base, init: false, status: "crashed", errors: 1, timestamp: new Date().toISOString() },
      };
    };
    const ok = async (items: object[]) => expect((await send(items)).status).toBe(200);

    // 5 page loads of web@5.0.0, one envelope per update as the SDK sends them: 3 healthy, 1 with a handled error, 1 with a handled then an unhandled one.
    const healthy = ["bob", "cyd", "dee"].map((did) => pageLoad("web@5.0.0", did));
    const handled = pageLoad("web@5.0.0", "eve");
    const unhandled = pageLoad("web@5.0.0", "ada");
    for (const load of healthy) await ok([load.init]);
    await ok([handled.init]);
    await ok([handled.handled]);
    await ok([unhandled.init]);
    await ok([unhandled.handled]);
    await ok([unhandled.unhandled]);
    // Repeats change nothing: an SDK retry of the init, the error update again, the unhandled one again from
    // several requests at once (two instances ingesting the same session's updates), and the init arriving last.
    await ok([healthy[0].init, handled.handled]);
    await Promise.all([ok([unhandled.unhandled]), ok([unhandled.unhandled, unhandled.init]), ok([unhandled.handled])]);
    // 10 page loads of web@4.0.0 by a v7–v9 SDK (an unhandled error is "crashed"): 9 healthy, 1 crashed.
    const older = Array.from({ length: 10 }, (_, i) => pageLoad("web@4.0.0", `user-${i}`));
    await ok(older.map((load) => load.init));
    await ok([older[9].crashed]);
    // A session whose first update to arrive is not its init (the init lost or late): counted once all the same.
    const late = pageLoad("web@4.0.0", "user-9");
    await ok([late.handled]);
    await ok([late.init]);
    // A page load whose updates all arrive at once, some twice, in several requests: counted once, crashed.
    const racy = pageLoad("web@4.0.0", "fay");
    await Promise.all([ok([racy.crashed]), ok([racy.init]), ok([racy.handled]), ok([racy.init, racy.handled]), ok([racy.crashed])]);

    const member = await login(app.viewer);
    const listed = (await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases`, member)).body.items as { version: string; sessions: unknown }[];
    const v5 = { total: 5, errored: 1, crashed: 1, abnormal: 0, crashFreeRate: 0.8, users: 5, crashedUsers: 1, crashFreeUserRate: 0.8 };
    expect(listed.find((r) => r.version === "web@5.0.0")!.sessions).toEqual(v5);
    const v4 = { total: 12, errored: 1, crashed: 2, abnormal: 0, crashFreeRate: 1 - 2 / 12, users: 11, crashedUsers: 2, crashFreeUserRate: 1 - 2 / 11 };
    expect(listed.find((r) => r.version === "web@4.0.0")!.sessions).toEqual(v4);
    const page = await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases/${encodeURIComponent("web@5.0.0")}`, member);
    expect(page.body.release.sessions).toEqual(v5);
    expect(page.body.days.at(-1).sessions).toEqual({ ok: 3, errored: 1, crashed: 1, abnormal: 0 });
    expect(page.body.environments).toEqual([{ environment: "browser-health", total: 5, ok: 3, errored: 1, crashed: 1, abnormal: 0, crashFreeRate: 0.8 }]);
    // The error-rate tables move the same way: 17 sessions, 2 failed (errored), 3 crashed — none counted twice.
    const [executions] = await query<{ ok: string; failed: string; crashed: string }>(
      `SELECT sum(ok) AS ok, sum(failed) AS failed, sum(crashed) AS crashed FROM "ExecutionDaily" WHERE "projectId" = $1 AND environment = 'browser-health'`,
      [app.projectId],
    );
    expect(executions).toEqual({ ok: "12", failed: "2", crashed: "3" });
    // One row per page load, in its worst bucket (3: crashed; 1: errored), and the one it left.
    const rows = await query<{ sid: string; outcome: number; outcomeBefore: number | null }>(`SELECT sid, outcome, "outcomeBefore" FROM "CountedSession" WHERE "projectId" = $1`, [app.projectId]);
    expect(rows).toHaveLength(17);
    const bySid = new Map(rows.map((r) => [r.sid, r]));
    expect(bySid.get(unhandled.sid)).toMatchObject({ outcome: 3, outcomeBefore: 1 });
    expect(bySid.get(handled.sid)).toMatchObject({ outcome: 1, outcomeBefore: 0 });
    expect(bySid.get(healthy[0].sid)).toMatchObject({ outcome: 0, outcomeBefore: null });
    expect(bySid.get(late.sid)).toMatchObject({ outcome: 1, outcomeBefore: null });
    expect(bySid.get(racy.sid)).toMatchObject({ outcome: 3 });
  });

  it("abnormal sessions (Android ANRs, iOS watchdog kills) are neither crashes nor ok: crash-free stays 100%, shown apart", async () => {
    const app = await createTenant("releases-abnormal");
    const started = new Date().toISOString();
    const attrs = { release: "com.shop.app@4.0.0+1", environment: "production" };
    const session = (did: string, status: string) => ({ type: "session", payload: JSON.stringify({ sid: newEventId(), did, init: true, status, errors: 0, started, attrs }) });
    const res = await postRaw(
      sentryUrl(app.projectPublicId, "envelope", `sentry_key=${app.key}&sentry_version=7`),
      new Uint8Array(
        envelope({}, [
          session("u-1", "exited"),
          session("u-2", "exited"),
          session("u-3", "abnormal"),
          session("u-4", "abnormal"),
          { type: "sessions", payload: JSON.stringify({ aggregates: [{ started, exited: 1, abnormal: 1 }], attrs }) },
        ]),
      ),
    );
    expect(res.status).toBe(200);
    const member = await login(app.viewer);
    const page = await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases/${encodeURIComponent(attrs.release)}`, member);
    expect(page.body.release.sessions).toEqual({ total: 6, errored: 0, crashed: 0, abnormal: 3, crashFreeRate: 1, users: 4, crashedUsers: 0, crashFreeUserRate: 1 });
    expect(page.body.environments).toEqual([{ environment: "production", ok: 3, errored: 0, crashed: 0, abnormal: 3, total: 6, crashFreeRate: 1 }]);
    expect(page.body.days.at(-1).sessions).toEqual({ ok: 3, errored: 0, crashed: 0, abnormal: 3 });
  });

  it("refuses bad parameters by name and other workspaces' members", async () => {
    const bad = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases?projectId=nope&limit=0`, viewer);
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["limit", "projectId"]);
    const other = await createTenant("releases-other");
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases`, await login(other.admin))).status).toBe(404);
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases`, null)).status).toBe(401);
  });

  it("one release in depth: its figures as the list has them, days, issues it introduced and carries, its neighbours", async () => {
    const list = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases?projectId=${t.projectId}`, viewer)).body.items as { version: string }[];
    const before = new Date().toISOString().slice(0, 10);
    const res = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases/${encodeURIComponent("shop@1.0.0")}?projectId=${t.projectId}`, viewer);
    const after = new Date().toISOString().slice(0, 10);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const detail = res.body as {
      release: { version: string; events: number; issues: number };
      previous: string | null;
      next: string | null;
      days: { day: string; events: number; crashFreeRate: number | null }[];
      environments: unknown[];
      introducedIssues: { type: string; events: number; introduced: boolean }[];
      topIssues: { type: string; events: number; introduced: boolean; status: string }[];
    };
    expect(detail.release).toEqual(list.find((r) => r.version === "shop@1.0.0"));
    expect([detail.previous, detail.next]).toEqual([null, "shop@1.1.0"]);
    // A week of UTC days (the release is younger), today's last; the three events on the days they happened.
    expect(detail.days).toHaveLength(7);
    expect([before, after]).toContain(detail.days.at(-1)!.day);
    const expected = new Map<string, number>();
    for (const time of firstReleaseTimes) expected.set(time.slice(0, 10), (expected.get(time.slice(0, 10)) ?? 0) + 1);
    expect(Object.fromEntries(detail.days.filter((d) => d.events > 0).map((d) => [d.day, d.events]))).toEqual(Object.fromEntries(expected));
    expect(detail.days.every((d) => d.crashFreeRate === null)).toBe(true);
    expect(detail.environments).toEqual([]);
    // Checkout has 3 events in all releases, 2 of them in 1.0.0.
    expect(detail.topIssues.map((i) => [i.type, i.events, i.introduced])).toEqual([
      ["CheckoutError", 2, true],
      ["CartError", 1, true],
    ]);
    expect(detail.introducedIssues.map((i) => i.type)).toEqual(["CheckoutError", "CartError"]);
    const newer = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases/${encodeURIComponent("shop@1.1.0")}?projectId=${t.projectId}`, viewer)).body;
    // One event each in 1.1.0: the more recent first.
    expect(newer.topIssues.map((i: { type: string; introduced: boolean }) => [i.type, i.introduced])).toEqual([
      ["SearchError", true],
      ["CheckoutError", false],
    ]);
    expect([newer.previous, newer.next]).toEqual(["shop@1.0.0", null]);
    // Without the project filter the neighbours stay within the release's own project: mobile@2.0.0,
    // first seen after shop@1.1.0, is another app's release, not shop's "newer" one.
    const wide = async (version: string) => (await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases/${encodeURIComponent(version)}`, viewer)).body as { previous: string | null; next: string | null };
    expect(await wide("shop@1.1.0")).toMatchObject({ previous: "shop@1.0.0", next: null });
    expect(await wide("mobile@2.0.0")).toMatchObject({ previous: null, next: null });
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

  it("a release page: sessions per day and environment, adoption, odd versions in the path, 404 and bad parameters", async () => {
    const app = await createTenant("release-page");
    const member = await login(app.viewer);
    const started = new Date().toISOString();
    const version = "web/app@2.0.0 beta+1";
    const sessions = (release: string, environment: string, exited: number, crashed: number) => ({
      type: "sessions",
      payload: JSON.stringify({ aggregates: [{ started, exited, crashed }], attrs: { release, environment } }),
    });
    const res = await postRaw(
      sentryUrl(app.projectPublicId, "envelope", `sentry_key=${app.key}&sentry_version=7`),
      new Uint8Array(envelope({}, [{ type: "event", payload: errorEvent(newEventId(), { release: version, environment: "production" }) }, sessions(version, "production", 18, 2), sessions(version, "staging", 9, 1), sessions("web/app@1.9.0", "production", 70, 0)])),
    );
    expect(res.status).toBe(200);
    const page = await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases/${encodeURIComponent(version)}`, member);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.release.version).toBe(version);
    expect(page.body.release.sessions).toEqual({ total: 30, errored: 0, crashed: 3, abnormal: 0, crashFreeRate: 0.9, users: 0, crashedUsers: 0, crashFreeUserRate: null });
    // 30 of the 100 sessions of the last two UTC days.
    expect(page.body.release.adoption).toBeCloseTo(0.3, 10);
    expect(page.body.environments).toEqual([
      { environment: "production", ok: 18, errored: 0, crashed: 2, abnormal: 0, total: 20, crashFreeRate: 0.9 },
      { environment: "staging", ok: 9, errored: 0, crashed: 1, abnormal: 0, total: 10, crashFreeRate: 0.9 },
    ]);
    const day = page.body.days.find((d: { day: string }) => d.day === started.slice(0, 10));
    expect(day).toEqual({ day: started.slice(0, 10), events: 1, sessions: { ok: 27, errored: 0, crashed: 3, abnormal: 0 }, crashFreeRate: 0.9 });
    const listed = (await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases`, member)).body.items as { version: string; adoption: number | null }[];
    expect(listed.find((r) => r.version === "web/app@1.9.0")!.adoption).toBeCloseTo(0.7, 10);

    const missing = await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases/${encodeURIComponent("web/app@0.0.1")}`, member);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain("web/app@0.0.1");
    const bad = await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases/x?projectId=nope`, member);
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["projectId"]);
    const other = await createTenant("release-page-other");
    expect((await api("GET", `/api/v1/workspaces/${app.workspaceId}/releases/${encodeURIComponent(version)}`, await login(other.admin))).status).toBe(404);
  });
});

describe("an issue's first release is its earliest event's, in whatever order events arrive", () => {
  let t: Tenant;
  let viewer: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTenant("first-release-order");
    viewer = await login(t.viewer);
    admin = await login(t.admin);
  });
  const firstRelease = async (id: string) => ((await api("GET", `/api/v1/errors/${id}`, viewer)).body as { releases: { first: string | null } }).releases.first;
  const post = async (...events: object[]) => {
    const res = await postEvents(t.key, events);
    expect(res.status).toBe(202);
    return ((await res.json()).accepted as { groupId: string }[])[0].groupId;
  };
  const types = async (search: string) =>
    ((await api("GET", `/api/v1/errors?${new URLSearchParams({ workspaceId: t.workspaceId, query: search })}`, viewer)).body.items as { type: string }[]).map((i) => i.type).sort();

  it("one batch, a 10-minute-old event of shop@1.0.1 first, then a 3-day-old one of shop@1.0.0: shop@1.0.0", async () => {
    const id = await post(event("OneBatch", "shop@1.0.1", 1 / 6), event("OneBatch", "shop@1.0.0", 72));
    expect(await firstRelease(id)).toBe("shop@1.0.0");
  });

  it("an older event arriving in a later batch brings its release; newer or release-less ones do not", async () => {
    const id = await post(event("LaterBatch", "shop@2.0.1", 1 / 6));
    expect(await firstRelease(id)).toBe("shop@2.0.1");
    await post(event("LaterBatch", "shop@2.0.0", 72));
    expect(await firstRelease(id)).toBe("shop@2.0.0");
    await post(event("LaterBatch", "shop@2.0.2", 0), { type: "LaterBatch", message: "LaterBatch happened", severity: "high", occurredAt: at(1) });
    expect(await firstRelease(id)).toBe("shop@2.0.0");
  });

  it("the releases page's New count and the firstRelease: search follow it", async () => {
    const items = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases`, viewer)).body.items as { version: string; newIssues: number }[];
    const newIssues = Object.fromEntries(items.map((r) => [r.version, r.newIssues]));
    expect(newIssues).toMatchObject({ "shop@1.0.0": 1, "shop@1.0.1": 0, "shop@2.0.0": 1, "shop@2.0.1": 0, "shop@2.0.2": 0 });
    expect(await types("firstRelease:shop@1.0.0")).toEqual(["OneBatch"]);
    expect(await types("firstRelease:shop@1.0.1")).toEqual([]);
    expect(await types("firstRelease:shop@2.0.0")).toEqual(["LaterBatch"]);
  });

  it("a merge keeps the release of the earlier first seen, the source's events having arrived out of order", async () => {
    const target = await post(event("MergeTarget", "shop@3.0.1", 5));
    const source = await post(event("MergeSource", "shop@3.0.2", 1), event("MergeSource", "shop@3.0.0", 48));
    expect(await firstRelease(source)).toBe("shop@3.0.0");
    const merged = await api("POST", "/api/v1/errors/merge", admin, { targetId: target, sourceIds: [source] });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(await firstRelease(target)).toBe("shop@3.0.0");
  });
});

describe("a release's and a deploy's url (sentry-cli's --url): shown to every member as a link", () => {
  it("is an http(s) address: javascript: and other schemes are refused (422 naming url); one stored before is answered as no link", async () => {
    const t = await createTenant("release-url");
    const member = await login(t.member);
    const [{ slug }] = await query<{ slug: string }>(`SELECT slug FROM "Workspace" WHERE id = $1::uuid`, [t.workspaceId]);
    const releases = `/api/0/organizations/${slug}/releases/`;
    const XSS = "javascript:alert(document.domain)//";

    for (const url of [XSS, "data:text/html,<script>alert(1)</script>", "https://ci-user:secret@ci.example/runs/1"]) {
      const created = await api("POST", releases, member, { version: "web@1.0.0", projects: [t.projectId], url });
      expect(created.status, url).toBe(422);
      expect(created.body.error.issues[0].path, url).toBe("url");
    }
    expect((await api("POST", releases, member, { version: "web@1.0.0", projects: [t.projectId], url: "https://ci.example/releases/1" })).status).toBe(201);
    const updated = await api("PUT", `${releases}web%401.0.0/`, member, { url: XSS });
    expect(updated.status).toBe(422);
    expect(updated.body.error.issues[0].path).toBe("url");
    const deploy = await api("POST", `${releases}web%401.0.0/deploys/`, member, { environment: "production", name: "<img src=x>", url: XSS });
    expect(deploy.status).toBe(422);
    expect(deploy.body.error.issues[0].path).toBe("url");
    expect((await api("POST", `${releases}web%401.0.0/deploys/`, member, { environment: "production", name: "ok", url: "https://ci.example/runs/7" })).status).toBe(201);

    // Stored before the check: never handed out as a link.
    await query(`INSERT INTO "ReleaseDeploy" (id, "workspaceId", version, environment, name, url) VALUES (gen_random_uuid(), $1, 'web@1.0.0', 'staging', 'old', $2)`, [t.workspaceId, XSS]);
    await query(`UPDATE "DeclaredRelease" SET url = $2 WHERE "workspaceId" = $1 AND version = 'web@1.0.0'`, [t.workspaceId, XSS]);
    const page = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases/web%401.0.0`, member);
    expect(page.status).toBe(200);
    expect(page.body.deploys.map((d: { environment: string; url: string | null }) => [d.environment, d.url]).sort()).toEqual([["production", "https://ci.example/runs/7"], ["staging", null]]);
    const info = await api("GET", `${releases}web%401.0.0/`, member);
    expect(info.body.url).toBeNull();
    expect(JSON.stringify([page.body, info.body, (await api("GET", `${releases}web%401.0.0/deploys/`, member)).body])).not.toContain("javascript:");
  });
});
