import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "@/e2e/support/parseCsv";
import { BASE_URL, createTenant, getJson, login, patchJson, postEvents, type Tenant } from "@/e2e/support/tenant";

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

interface Row {
  errorId: string;
  type: string;
  stats: { events: number; sparkline: number[]; lastSeen: string };
  environments: string[];
  culprit: string | null;
}

describe("GET /api/v1/errors?query= (search syntax over the per-issue tag rollup)", () => {
  let t: Tenant;
  let cookie: string;
  const ids: Record<string, string> = {};
  const search = async (query: string, extra = "") => {
    const res = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent(query)}${extra}`, { cookie });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { items: Row[]; total: number };
    return body;
  };
  const types = async (query: string) => (await search(query)).items.map((i) => i.type).sort();

  beforeAll(async () => {
    t = await createTenant("search");
    cookie = await login(t.member);
    const events = [
      // Checkout: production, web@2.0.0 and web@2.1.0, two users, tagged route=/checkout, 3 events.
      ...[1.5, 1.2, 0.5].map((h, i) => ({
        type: "CheckoutError",
        message: "card declined by gateway",
        severity: "high",
        category: "payment",
        environment: "production",
        release: i < 2 ? "web@2.0.0" : "web@2.1.0",
        userId: `shopper-${i % 2}`,
        tags: { route: "/checkout", region: "eu west" },
        occurredAt: ago(h * HOUR),
        stackTrace: "CheckoutError: card declined\n    at pay (/srv/app/src/checkout/pay.ts:12:3)\n    at handler (/srv/app/src/routes/checkout.ts:4:1)",
      })),
      // Staging only, low, no user.
      { type: "StagingWarning", message: "slow query 1200 ms", severity: "low", category: "performance", environment: "staging", occurredAt: ago(2 * HOUR), tags: { route: "/search" } },
      // Old issue: first seen 3 days ago, seen again today.
      { type: "LegacyError", message: "timeout contacting ledger", severity: "medium", category: "timeout", environment: "production", occurredAt: ago(72 * HOUR) },
      { type: "LegacyError", message: "timeout contacting ledger", severity: "medium", category: "timeout", environment: "production", occurredAt: ago(HOUR) },
    ];
    const res = await postEvents(t.key, { events });
    expect(res.status).toBe(202);
    for (const a of (await res.json()).accepted as { groupId: string }[]) ids[a.groupId] = a.groupId;
    const all = await search("");
    for (const row of all.items) ids[row.type] = row.errorId;
  });

  it("filters by status, level, category, environment, release, user and tags, with ! negation", async () => {
    expect(await types("")).toEqual(["CheckoutError", "LegacyError", "StagingWarning"]);
    expect(await types("level:high")).toEqual(["CheckoutError"]);
    expect(await types("level:error,warning")).toEqual(["CheckoutError", "LegacyError"]);
    expect(await types("!level:high")).toEqual(["LegacyError", "StagingWarning"]);
    expect(await types("category:payment")).toEqual(["CheckoutError"]);
    expect(await types("environment:staging")).toEqual(["StagingWarning"]);
    expect(await types("!environment:staging")).toEqual(["CheckoutError", "LegacyError"]);
    expect(await types("release:web@2.1.0")).toEqual(["CheckoutError"]);
    expect(await types("release:web@2.*")).toEqual(["CheckoutError"]);
    expect(await types("user.id:shopper-1")).toEqual(["CheckoutError"]);
    expect(await types("route:/search")).toEqual(["StagingWarning"]);
    expect(await types('region:"eu west"')).toEqual(["CheckoutError"]);
    expect(await types("route:/nowhere")).toEqual([]);
  });

  it("matches quoted free text and bare words in type and message", async () => {
    expect(await types('"card declined"')).toEqual(["CheckoutError"]);
    expect(await types("ledger contacting")).toEqual(["LegacyError"]);
    expect(await types("!timeout")).toEqual(["CheckoutError", "StagingWarning"]);
  });

  it("filters by first seen relative to now", async () => {
    expect(await types("firstSeen:-24h")).toEqual(["CheckoutError", "StagingWarning"]);
    expect(await types("firstSeen:+24h")).toEqual(["LegacyError"]);
  });

  it("filters by status and assignment", async () => {
    await patchJson(`/api/v1/errors/${ids.StagingWarning}`, cookie, { status: "ignored" });
    await patchJson(`/api/v1/errors/${ids.LegacyError}`, cookie, { assigneeId: t.member.id });
    expect(await types("is:unresolved")).toEqual(["CheckoutError", "LegacyError"]);
    expect(await types("is:ignored")).toEqual(["StagingWarning"]);
    expect(await types("is:resolved,ignored")).toEqual(["StagingWarning"]);
    expect(await types("assigned:me")).toEqual(["LegacyError"]);
    expect(await types(`assigned:${t.member.email.toUpperCase()}`)).toEqual(["LegacyError"]);
    expect(await types("assigned:none")).toEqual(["CheckoutError", "StagingWarning"]);
    expect(await types("!assigned:me")).toEqual(["CheckoutError", "StagingWarning"]);
    expect(await types("is:unassigned is:unresolved")).toEqual(["CheckoutError"]);
  });

  it("gives each row its period's events, a sparkline, its culprit and main environments", async () => {
    const rows = (await search("", "&statsPeriod=24h")).items;
    const checkout = rows.find((r) => r.type === "CheckoutError")!;
    expect(checkout.stats.events).toBe(3);
    expect(checkout.stats.sparkline).toHaveLength(24);
    expect(checkout.stats.sparkline.reduce((a, b) => a + b, 0)).toBe(3);
    expect(checkout.environments).toEqual(["production"]);
    expect(checkout.culprit).toBe("src/checkout/pay.ts in pay");
    const legacy = rows.find((r) => r.type === "LegacyError")!;
    // The 3-day-old event is outside the 24h period; it counts in 7d.
    expect(legacy.stats.events).toBe(1);
    expect((await search("", "&statsPeriod=7d")).items.find((r) => r.type === "LegacyError")!.stats.events).toBe(2);
    expect((await search("", "&statsPeriod=30d")).items.find((r) => r.type === "LegacyError")!.stats.sparkline).toHaveLength(30);
  });

  it("counts and last seen follow the environment and release in the search", async () => {
    const staging = (await search("route:/search environment:staging")).items[0];
    expect(staging.stats.events).toBe(1);
    const release = (await search("release:web@2.0.0")).items[0];
    // Last seen in web@2.0.0 is the second event (1.2 h ago), not the latest (web@2.1.0, 0.5 h ago).
    expect(Date.now() - Date.parse(release.stats.lastSeen)).toBeGreaterThan(HOUR);
    const production = (await search("environment:production")).items.find((r) => r.type === "CheckoutError")!;
    expect(production.stats.events).toBe(3);
  });

  it("refuses a query that does not parse, or names no member, with 422 naming query", async () => {
    for (const bad of ["is:sleeping", "level:", "firstSeen:yesterday", '"unterminated x:', "assigned:nobody@nowhere.test"]) {
      const res = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent(bad)}`, { cookie });
      if (bad.startsWith('"')) {
        expect(res.status).toBe(200);
        continue;
      }
      expect(res.status, bad).toBe(422);
      const body = await res.json();
      expect(body.error.issues[0].path).toBe("query");
    }
    const huge = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${"a".repeat(1001)}`, { cookie });
    expect(huge.status).toBe(422);
    const nul = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent("route:\u0000x")}`, { cookie });
    expect(nul.status).toBe(200);
  });

  it("suggests tag keys and values from the rollup", async () => {
    const keys = await (await getJson(`/api/v1/workspaces/${t.workspaceId}/search-values`, { cookie })).json();
    expect(keys.keys).toEqual(expect.arrayContaining(["environment", "release", "route", "region", "user"]));
    const values = await (await getJson(`/api/v1/workspaces/${t.workspaceId}/search-values?key=environment&prefix=pro`, { cookie })).json();
    expect(values.values).toEqual([{ value: "production", count: 5 }]);
    const categories = await (await getJson(`/api/v1/workspaces/${t.workspaceId}/search-values?key=category&prefix=pay`, { cookie })).json();
    expect(categories.values).toEqual([{ value: "payment", count: 1 }]);
  });

  it("filters by project, by slug or name, and suggests the projects", async () => {
    const created = await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/projects`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: await login(t.admin) },
      body: JSON.stringify({ name: "Mobile app" }),
    });
    expect(created.status).toBe(201);
    const mobile = (await created.json()) as { slug: string; ingestKey: string };
    expect((await postEvents(mobile.ingestKey, { type: "MobileCrash", message: "out of memory", severity: "critical" })).status).toBe(202);
    expect(await types(`project:${mobile.slug}`)).toEqual(["MobileCrash"]);
    expect(await types('project:"mobile APP"')).toEqual(["MobileCrash"]);
    expect(await types("project:MOB*")).toEqual(["MobileCrash"]);
    expect(await types(`!project:${mobile.slug}`)).toEqual(["CheckoutError", "LegacyError", "StagingWarning"]);
    expect(await types("project:nowhere")).toEqual([]);
    const projects = await (await getJson(`/api/v1/workspaces/${t.workspaceId}/search-values?key=project&prefix=mob`, { cookie })).json();
    expect(projects.values).toEqual([{ value: mobile.slug, count: 0 }]);
  });
});

describe("GET /api/v1/errors within a window: environment and tag filters agree with the view's cards", () => {
  let t: Tenant;
  let cookie: string;
  beforeAll(async () => {
    t = await createTenant("search-window");
    cookie = await login(t.member);
    const events = [
      // Seen in staging two days ago, in production today: in the 24h window it is no staging issue.
      { type: "StaleStaging", message: "old staging failure", severity: "high", environment: "staging", release: "web@1.0.0", occurredAt: ago(48 * HOUR) },
      { type: "StaleStaging", message: "old staging failure", severity: "high", environment: "production", release: "web@1.1.0", occurredAt: ago(HOUR) },
      { type: "FreshStaging", message: "new staging failure", severity: "high", environment: "staging", release: "web@1.1.0", occurredAt: ago(2 * HOUR) },
      { type: "ProductionOnly", message: "production failure", severity: "high", environment: "production", release: "web@1.1.0", occurredAt: ago(3 * HOUR) },
    ];
    expect((await postEvents(t.key, { events })).status).toBe(202);
  });

  const list = async (params: string) => {
    const res = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&statsPeriod=24h${params}`, { cookie });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { items: Row[]; total: number };
    return { total: body.total, types: body.items.map((i) => i.type).sort(), events: body.items.map((i) => i.stats.events) };
  };

  it("lists the issues with events in the window under the filter, as many as the cards count", async () => {
    const view = await (await getJson(`/api/v1/workspaces/${t.workspaceId}/error-tracking?timeframe=24h&environment=staging`, { cookie })).json();
    const since = `&since=${encodeURIComponent(view.window.start)}`;
    const staging = await list(`&environment=staging${since}`);
    expect(staging.types).toEqual(["FreshStaging"]);
    expect(staging.total).toBe(view.overview.uniqueErrors);
    expect(staging.events).toEqual([view.overview.totalErrors]);
    // No row of the list shows 0 events for the period.
    for (const env of ["staging", "production"]) {
      const rows = await list(`&environment=${env}${since}`);
      expect(rows.events.every((n) => n > 0), env).toBe(true);
    }
    // The search syntax means the same; negated: no such event in the window.
    expect((await list(`&query=environment:staging${since}`)).types).toEqual(["FreshStaging"]);
    expect((await list(`&query=${encodeURIComponent("!environment:staging")}${since}`)).types).toEqual(["ProductionOnly", "StaleStaging"]);
    expect((await list(`&query=${encodeURIComponent("release:web@1.0.0")}${since}`)).types).toEqual([]);
    // Without a window the filters mean "ever".
    expect((await list("&environment=staging")).types).toEqual(["FreshStaging", "StaleStaging"]);
    expect((await list("&query=release:web@1.0.0")).types).toEqual(["StaleStaging"]);
  });
});

describe("GET /api/v1/errors with since and a lastSeen: / firstSeen: term: the search's dates choose the issues", () => {
  let t: Tenant;
  let cookie: string;
  const DAY = 24 * HOUR;
  beforeAll(async () => {
    t = await createTenant("search-dated");
    cookie = await login(t.member);
    const events = [
      // Last seen 40 days ago (the project keeps 90): outside every timeframe.
      { type: "FortyDaysOld", message: "old failure", severity: "high", environment: "production", occurredAt: ago(41 * DAY) },
      { type: "FortyDaysOld", message: "old failure", severity: "high", environment: "production", occurredAt: ago(40 * DAY) },
      { type: "Fresh", message: "new failure", severity: "high", environment: "production", occurredAt: ago(HOUR) },
    ];
    expect((await postEvents(t.key, { events })).status).toBe(202);
  });

  const types = async (params: string) => {
    const res = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&statsPeriod=30d${params}`, { cookie });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { items: Row[] }).items.map((i) => i.type).sort();
  };

  it("lists an issue last seen before the 30-day timeframe's since when the search asks for it by date", async () => {
    const since = `&since=${encodeURIComponent(ago(30 * DAY))}`;
    const lastSeenBefore = encodeURIComponent(`lastSeen:<${ago(35 * DAY).slice(0, 10)}`);
    // Without a date term the timeframe's since applies: the 40-day-old issue is not in the 30 days.
    expect(await types(since)).toEqual(["Fresh"]);
    expect(await types(`${since}&query=${lastSeenBefore}`)).toEqual(["FortyDaysOld"]);
    expect(await types(`${since}&query=${encodeURIComponent("firstSeen:+35d")}`)).toEqual(["FortyDaysOld"]);
    expect(await types(`${since}&query=${encodeURIComponent("lastSeen:+7d is:unresolved")}`)).toEqual(["FortyDaysOld"]);
    // The environment filter then means "ever", not "in the window".
    expect(await types(`${since}&environment=production&query=${lastSeenBefore}`)).toEqual(["FortyDaysOld"]);
    // A spike's window (since and until) gives way to the dates too.
    expect(await types(`${since}&until=${encodeURIComponent(ago(0))}&query=${encodeURIComponent("lastSeen:-60d")}`)).toEqual(["FortyDaysOld", "Fresh"]);
  });

  it("lists every issue without since (the Issues page's All time)", async () => {
    expect(await types("")).toEqual(["FortyDaysOld", "Fresh"]);
  });
});

describe("GET /api/v1/errors?query= as a Sentry user types it: literal values, any tag key, Sentry's keys", () => {
  let t: Tenant;
  let cookie: string;
  const DAY = 24 * HOUR;
  const types = async (query: string) => {
    const res = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent(query)}`, { cookie });
    expect(res.status, `${query}: ${await res.clone().text()}`).toBe(200);
    return ((await res.json()) as { items: Row[] }).items.map((i) => i.type).sort();
  };
  const refusal = async (query: string) => {
    const res = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent(query)}`, { cookie });
    expect(res.status, query).toBe(422);
    return ((await res.json()) as { error: { message: string; issues: { path: string }[] } }).error;
  };

  beforeAll(async () => {
    t = await createTenant("search-sentry");
    cookie = await login(t.member);
    // Noon UTC of the day three days ago (D), and of three days before it.
    const noon = (daysAgo: number) => `${new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10)}T12:00:00.000Z`;
    const events = [
      { type: "RangeError", message: "Maximum call stack size exceeded", release: "web@1.1.0", environment: "production", userId: "u-1", tags: { route: "/checkout" }, occurredAt: ago(2 * HOUR) },
      { type: "StarA", message: "wildcard route", environment: "production-eu", tags: { route: "/api/*", "payment provider": "stripe" }, occurredAt: ago(3 * HOUR) },
      { type: "StarB", message: "plain route", environment: "staging", tags: { route: "/api/users", "k8s:pod": "web-1" }, occurredAt: ago(3 * HOUR) },
      // Last seen on D (noon UTC), and three days before it.
      { type: "OnDayD", message: "seen that day", occurredAt: noon(3) },
      { type: "BeforeDayD", message: "seen before", occurredAt: noon(6) },
      ...Array.from({ length: 6 }, () => ({ type: "Frequent", message: "again and again", environment: "production", occurredAt: ago(HOUR) })),
      { type: "OldTimer", message: "first seen long ago", occurredAt: ago(10 * DAY) },
    ];
    expect((await postEvents(t.key, { events })).status).toBe(202);
    const rows = (await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}`, { cookie })).json()) as { items: Row[] };
    const frequent = rows.items.find((r) => r.type === "Frequent")!;
    expect((await patchJson(`/api/v1/errors/${frequent.errorId}`, cookie, { assigneeId: t.member.id })).status).toBe(200);
  });

  it("matches % and _ literally, in free text, q, tags, prefixes, projects and exports", async () => {
    for (const q of ["%", "_", "Maximum%exceeded", '"Maximum_call"', "route:_check*", "route:%out*", "project:%", "firstRelease:%*", "category:%"]) expect(await types(q), q).toEqual([]);
    expect(await types("Maximum call")).toEqual(["RangeError"]);
    expect(await types("route:/check*")).toEqual(["RangeError"]);
    const q = await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&q=${encodeURIComponent("%")}`, { cookie })).json();
    expect(q.total).toBe(0);
    const csv = await (await getJson(`/api/v1/errors/export?workspaceId=${t.workspaceId}&format=csv&query=${encodeURIComponent("%")}`, { cookie })).text();
    expect(parseCsv(csv)).toHaveLength(1);
  });

  it("matches a quoted value, or one ending in \\*, exactly: a trailing * is literal there", async () => {
    expect(await types("route:/api/*")).toEqual(["StarA", "StarB"]);
    expect(await types('route:"/api/*"')).toEqual(["StarA"]);
    expect(await types("route:/api/\\*")).toEqual(["StarA"]);
  });

  it("searches any tag key as tags[key]:value, as the issue page links it", async () => {
    expect(await types('tags["payment provider"]:stripe')).toEqual(["StarA"]);
    expect(await types("tags[payment provider]:stripe")).toEqual(["StarA"]);
    expect(await types("tags[k8s:pod]:web-1")).toEqual(["StarB"]);
    expect(await types("!tags[k8s:pod]:web-1 route:/api/*")).toEqual(["StarA"]);
    expect(await types("has:tags[k8s:pod]")).toEqual(["StarB"]);
  });

  it("reads has:, !has:, message:, title:, error.type:, error.value:, times_seen: and age: as Sentry does", async () => {
    expect(await types("has:user")).toEqual(["RangeError"]);
    expect(await types("has:release")).toEqual(["RangeError"]);
    expect(await types("has:assignee")).toEqual(["Frequent"]);
    expect(await types("!has:assignee")).toEqual(["BeforeDayD", "OldTimer", "OnDayD", "RangeError", "StarA", "StarB"]);
    expect(await types("has:route !has:user")).toEqual(["StarA", "StarB"]);
    expect(await types("message:Maximum")).toEqual(["RangeError"]);
    expect(await types('error.value:"call stack"')).toEqual(["RangeError"]);
    expect(await types("title:RangeError")).toEqual(["RangeError"]);
    expect(await types("error.type:Star")).toEqual(["StarA", "StarB"]);
    expect(await types("times_seen:>5")).toEqual(["Frequent"]);
    expect(await types("timesSeen:<=1 route:/api/*")).toEqual(["StarA", "StarB"]);
    expect(await types("age:+7d")).toEqual(["OldTimer"]);
    expect(await types("age:-24h")).toEqual(["Frequent", "RangeError", "StarA", "StarB"]);
  });

  it("refuses Sentry's keys it does not search with a 422 naming the key", async () => {
    for (const [query, key] of [["culprit:computeTotal", "culprit"], ["user.email:p0@ex.com", "user.email"], ["issue.priority:high", "issue.priority"], ["release:latest", "release"]]) {
      const error = await refusal(query);
      expect(error.message, query).toContain(key);
      expect(error.issues[0].path).toBe("query");
    }
  });

  it("reads a date without a time as the whole UTC day", async () => {
    const date = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
    const d = date(3);
    expect(await types(`lastSeen:<=${d}`)).toEqual(["BeforeDayD", "OldTimer", "OnDayD"]);
    expect(await types(`lastSeen:<${d}`)).toEqual(["BeforeDayD", "OldTimer"]);
    expect(await types(`lastSeen:>=${d} lastSeen:<${date(2)}`)).toEqual(["OnDayD"]);
    expect(await types(`lastSeen:>${d} lastSeen:<=${date(2)}`)).toEqual([]);
  });

  it("counts each row's events in the environments the search names, by prefix too", async () => {
    const res = await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&statsPeriod=24h&query=${encodeURIComponent("environment:production*")}`, { cookie });
    const rows = ((await res.json()) as { items: Row[] }).items;
    expect(Object.fromEntries(rows.map((r) => [r.type, r.stats.events]))).toEqual({ Frequent: 6, RangeError: 1, StarA: 1 });
  });
});
