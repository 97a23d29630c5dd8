import { beforeAll, describe, expect, it } from "vitest";
import { envelope, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36";

function browserEvent(eventId: string, release: string, line: string) {
  return JSON.stringify({
    event_id: eventId,
    timestamp: Date.now() / 1000,
    platform: "javascript",
    level: "error",
    release,
    environment: "production",
    user: { id: "shopper-7", email: "shopper@example.com", ip_address: "{{auto}}" },
    tags: { route: "/cart" },
    request: { url: "http://shop.test/cart?step=2", headers: { "User-Agent": UA, Referer: "http://shop.test/", Authorization: "Bearer abcdef123456" } },
    breadcrumbs: { values: [
      { timestamp: Date.now() / 1000 - 2, category: "navigation", data: { from: "/", to: "/cart" } },
      { timestamp: Date.now() / 1000 - 1, category: "ui.click", message: "body > button#buy" },
    ] },
    contexts: { trace: { trace_id: "4bf92f3577b34da6a3ce929d0e0e4736", span_id: "00f067aa0ba902b7" } },
    sdk: { name: "sentry.javascript.browser", version: "11.12.0", integrations: ["Breadcrumbs", "ContextLines"] },
    exception: {
      values: [{
        type: "TypeError",
        value: "Cannot read properties of undefined (reading 'items')",
        mechanism: { type: "onerror", handled: false },
        stacktrace: { frames: [
          { filename: "http://shop.test/vendor.js", function: "dispatch", lineno: 1, colno: 900, in_app: false },
          { filename: "http://shop.test/", function: "checkout", lineno: 14, colno: 42, in_app: true, pre_context: ["<script>", "  function checkout() {", "    const cart = undefined;"], context_line: line, post_context: ["  }", "</script>"] },
        ] },
      }],
    },
  });
}

describe("an issue's events, tags and activity", () => {
  let t: Tenant;
  let cookie: string;
  let sentryIssue: string;
  let nativeIssue: string;

  beforeAll(async () => {
    t = await createTenant("events");
    cookie = await login(t.viewer);
    // Two Sentry events of one issue whose source lines differ (the code changed between releases).
    const first = newEventId();
    const second = newEventId();
    for (const [id, release, line] of [[first, "shop-web@1.0.0", "    return cart.items.length;"], [second, "shop-web@1.1.0", "    return cart.items.length; // v1.1"]] as const) {
      const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}&sentry_version=7`), new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: browserEvent(id, release, line) }])));
      expect(res.status).toBe(200);
    }
    // 120 native events of another issue over the last 5 hours, in two environments.
    const events = Array.from({ length: 120 }, (_, i) => ({
      eventId: `native-${i}`,
      type: "PaymentTimeout",
      message: `gateway timed out after ${i} ms`,
      severity: "high",
      environment: i % 3 === 0 ? "staging" : "production",
      release: i < 60 ? "api@1.0.0" : "api@1.1.0",
      userId: `user-${i % 10}`,
      occurredAt: ago(5 * HOUR - i * 60_000),
      tags: { gateway: i % 2 === 0 ? "stripe" : "adyen" },
      context: { orderId: i },
    }));
    const res = await postEvents(t.key, { events });
    expect(res.status).toBe(202);
    nativeIssue = (await res.json()).accepted[0].groupId;
    const list = await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=TypeError`, { cookie })).json();
    sentryIssue = list.items[0].errorId;
  });

  it("pages events newest first by cursor, and filters them", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await getJson(`/api/v1/errors/${nativeIssue}/events?limit=50${cursor ? `&cursor=${cursor}` : ""}`, { cookie });
      expect(res.status).toBe(200);
      const page = await res.json();
      seen.push(...page.items.map((e: { eventId: string }) => e.eventId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe("native-119");
    expect(seen.at(-1)).toBe("native-0");

    const staging = await (await getJson(`/api/v1/errors/${nativeIssue}/events?environment=staging&limit=100`, { cookie })).json();
    expect(staging.items).toHaveLength(40);
    const byRelease = await (await getJson(`/api/v1/errors/${nativeIssue}/events?release=api@1.0.0&user=user-3&limit=100`, { cookie })).json();
    expect(byRelease.items.map((e: { eventId: string }) => e.eventId)).toEqual(["native-53", "native-43", "native-33", "native-23", "native-13", "native-3"]);
    expect((await getJson(`/api/v1/errors/${nativeIssue}/events?cursor=not-a-cursor`, { cookie })).status).toBe(422);
  });

  it("navigates latest → older → first, keeping the filters", async () => {
    const latest = await (await getJson(`/api/v1/errors/${nativeIssue}/events/latest?environment=staging`, { cookie })).json();
    expect(latest.eventId).toBe("native-117");
    expect(latest.links).toMatchObject({ next: null, latest: "native-117", first: "native-0", previous: "native-114" });
    const older = await (await getJson(`/api/v1/errors/${nativeIssue}/events/${latest.links.previous}?environment=staging`, { cookie })).json();
    expect(older.links).toMatchObject({ next: "native-117", previous: "native-111" });
    const oldest = await (await getJson(`/api/v1/errors/${nativeIssue}/events/oldest`, { cookie })).json();
    expect(oldest.eventId).toBe("native-0");
    expect(oldest.extra).toEqual({ orderId: 0 });
    expect((await getJson(`/api/v1/errors/${nativeIssue}/events/nope`, { cookie })).status).toBe(404);
    const other = await createTenant("events-other");
    expect((await getJson(`/api/v1/errors/${nativeIssue}/events/latest`, { cookie: await login(other.admin) })).status).toBe(404);
  });

  it("flags a text trace's framework frames as library code, as grouping does, in the event and the issue's chain", async () => {
    const stackTrace = [
      "java.lang.IllegalStateException: order 12 has no payment method",
      "\tat com.shop.orders.OrderService.checkout(OrderService.java:42)",
      "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:897)",
      "Caused by: java.lang.NullPointerException: wallet is null",
      "\tat com.shop.pay.PaymentMethods.resolve(PaymentMethods.java:88)",
      "\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:614)",
    ].join("\n");
    const res = await postEvents(t.key, { type: "IllegalStateException", message: "order 12 has no payment method", severity: "high", stackTrace });
    expect(res.status).toBe(202);
    const issue = (await res.json()).accepted[0].groupId;
    const event = await (await getJson(`/api/v1/errors/${issue}/events/latest`, { cookie })).json();
    const flags = (frames: { function?: string; inApp: boolean }[]) => Object.fromEntries(frames.map((f) => [f.function, f.inApp]));
    expect(flags(event.exceptions[0].frames)).toEqual({ checkout: true, service: false });
    expect(flags(event.exceptions[1].frames)).toEqual({ resolve: true, service: false });
    const details = await (await getJson(`/api/v1/errors/${issue}`, { cookie })).json();
    expect(flags(details.exceptions[1].frames)).toEqual({ resolve: true, service: false });
  });

  it("shows a Sentry event's sections: frames with its own source lines, breadcrumbs, request, user, tags, contexts, SDK", async () => {
    const event = await (await getJson(`/api/v1/errors/${sentryIssue}/events/latest`, { cookie })).json();
    expect(event.release).toBe("shop-web@1.1.0");
    const [exception] = event.exceptions;
    expect(exception).toMatchObject({ type: "TypeError", value: "Cannot read properties of undefined (reading 'items')", mechanism: { type: "onerror", handled: false } });
    const app = exception.frames.find((f: { function?: string }) => f.function === "checkout");
    expect(app).toMatchObject({ inApp: true, contextLine: "    return cart.items.length; // v1.1", lineno: 14, language: "javascript" });
    expect(app.preContext).toEqual(["<script>", "  function checkout() {", "    const cart = undefined;"]);
    expect(exception.frames.find((f: { function?: string }) => f.function === "dispatch").inApp).toBe(false);
    // The first event keeps its own (older) line.
    const first = await (await getJson(`/api/v1/errors/${sentryIssue}/events/${event.links.first}`, { cookie })).json();
    // Its id as SDKs and logs print it, with dashes (and in capitals), finds it too.
    const hex = event.links.first as string;
    const dashed = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    for (const id of [dashed, dashed.toUpperCase()]) {
      const res = await getJson(`/api/v1/errors/${sentryIssue}/events/${id}`, { cookie });
      expect(res.status, id).toBe(200);
      expect((await res.json()).eventId).toBe(hex);
    }
    // And so does the issue search, dashed or not.
    for (const id of [dashed, hex]) {
      const found = await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent(id)}`, { cookie })).json();
      expect(found.items.map((i: { errorId: string }) => i.errorId), id).toEqual([sentryIssue]);
    }
    expect(first.exceptions[0].frames.find((f: { function?: string }) => f.function === "checkout").contextLine).toBe("    return cart.items.length;");

    expect(event.breadcrumbs.map((b: { category: string }) => b.category)).toEqual(["navigation", "ui.click"]);
    expect(event.request).toMatchObject({ method: null, url: "http://shop.test/cart?step=2" });
    expect(event.request.headers).toContainEqual(["Authorization", "[Filtered]"]);
    expect(event.user).toMatchObject({ id: "shopper-7" });
    expect(event.tags).toEqual(expect.arrayContaining([["browser", "Chrome 120"], ["os", "Linux"], ["route", "/cart"], ["user", "shopper-7"], ["release", "shop-web@1.1.0"]]));
    expect(event.contexts.browser).toMatchObject({ name: "Chrome", version: "120.0.6099.71" });
    expect(event.contexts.trace).toMatchObject({ trace_id: "4bf92f3577b34da6a3ce929d0e0e4736" });
    expect(event.traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(event.sdk).toMatchObject({ name: "sentry.javascript.browser", version: "11.12.0" });
  });

  it("shows an event's whole exception chain: the raised exception, then each cause with its relation and frames", async () => {
    // A native Python trace chained twice (context, then an explicit cause), as a log line would carry it.
    const trace = `Traceback (most recent call last):
  File "/app/billing/cards.py", line 12, in charge
    return gateway.charge(card)
ConnectionError: gateway unreachable

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/app/billing/cards.py", line 15, in charge
    raise PaymentFailed(card.id) from None
billing.errors.PaymentFailed: card_77

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/app/billing/api.py", line 40, in checkout
    charge(card)
billing.errors.CheckoutError: checkout failed`;
    const res = await postEvents(t.key, { eventId: "chained-1", type: "CheckoutError", message: "checkout failed", stackTrace: trace, platform: "python" });
    expect(res.status).toBe(202);
    const issue = (await res.json()).accepted[0].groupId;
    const event = await (await getJson(`/api/v1/errors/${issue}/events/chained-1`, { cookie })).json();
    expect(event.exceptions.map((e: { type: string; value: string; relation: string; frames: { function?: string }[] }) => [e.type, e.value, e.relation, e.frames.map((f) => f.function)])).toEqual([
      ["CheckoutError", "checkout failed", "raised", ["checkout"]],
      ["billing.errors.PaymentFailed", "card_77", "cause", ["charge"]],
      ["ConnectionError", "gateway unreachable", "context", ["charge"]],
    ]);
  });

  it("has tag distributions from the rollup, with shares of the issue's events", async () => {
    const body = await (await getJson(`/api/v1/errors/${nativeIssue}/tags`, { cookie })).json();
    expect(body.events).toBe(120);
    const byKey = Object.fromEntries(body.tags.map((t: { key: string }) => [t.key, t]));
    expect(byKey.environment.topValues).toEqual([
      expect.objectContaining({ value: "production", count: 80, share: 66.67 }),
      expect.objectContaining({ value: "staging", count: 40, share: 33.33 }),
    ]);
    expect(byKey.release.distinctValues).toBe(2);
    expect(byKey.user.distinctValues).toBe(10);
    expect(byKey.user.topValues).toHaveLength(5);
    expect(byKey.gateway.topValues.map((v: { count: number }) => v.count)).toEqual([60, 60]);
    expect(body.tags.map((t: { key: string }) => t.key).slice(0, 3)).toEqual(["release", "environment", "user"]);
    const sentryTags = await (await getJson(`/api/v1/errors/${sentryIssue}/tags`, { cookie })).json();
    expect(sentryTags.tags.map((t: { key: string }) => t.key)).toEqual(expect.arrayContaining(["browser", "os", "device", "route"]));
  });

  it("has 24-hour and 30-day histograms in UTC buckets", async () => {
    const body = await (await getJson(`/api/v1/errors/${nativeIssue}/activity`, { cookie })).json();
    expect(body.hourly.buckets).toHaveLength(24);
    expect(body.daily.buckets).toHaveLength(30);
    expect(body.hourly.buckets.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(120);
    expect(body.daily.buckets.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(120);
    for (const b of body.daily.buckets) expect(b.start).toMatch(/T00:00:00\.000Z$/);
    for (const b of body.hourly.buckets) expect(b.start).toMatch(/:00:00\.000Z$/);
    const staging = await (await getJson(`/api/v1/errors/${nativeIssue}/activity?environment=staging`, { cookie })).json();
    expect(staging.daily.buckets.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(40);
  });
});

describe("events of one timestamp keep their ingest order everywhere", () => {
  it("orders latest, older / newer, the list and the export by time then ingest order", async () => {
    const t = await createTenant("events-ties");
    const cookie = await login(t.member);
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString(); // whole seconds, as SDKs send
    const releases = ["review@2.0.1", "review@2.0.3", "review@2.0.2"];
    const event = (type: string, release: string, i: number) => ({ eventId: `${type}-${i}`, type, message: "same second", severity: "high", release, occurredAt: at });
    // One batch, and one request per event.
    expect((await postEvents(t.key, { events: releases.map((r, i) => event("TiedBatch", r, i)) })).status).toBe(202);
    for (const [i, r] of releases.entries()) expect((await postEvents(t.key, event("TiedRequests", r, i))).status).toBe(202);
    const list = await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}`, { cookie })).json();
    for (const type of ["TiedBatch", "TiedRequests"]) {
      const id = list.items.find((i: { type: string }) => i.type === type).errorId;
      const events = await (await getJson(`/api/v1/errors/${id}/events`, { cookie })).json();
      expect(events.items.map((e: { release: string }) => e.release), type).toEqual([...releases].reverse());
      const latest = await (await getJson(`/api/v1/errors/${id}/events/latest`, { cookie })).json();
      expect(latest.release, type).toBe("review@2.0.2");
      const detail = await (await getJson(`/api/v1/errors/${id}`, { cookie })).json();
      expect(detail.releases.last, type).toBe("review@2.0.2"); // the issue's "last seen in" agrees
      expect(detail.recentOccurrences.map((o: { release: string }) => o.release), type).toEqual([...releases].reverse());
      expect(latest.links).toMatchObject({ latest: `${type}-2`, next: null, previous: `${type}-1`, first: `${type}-0` });
      const older = await (await getJson(`/api/v1/errors/${id}/events/${latest.links.previous}`, { cookie })).json();
      expect(older.links).toMatchObject({ next: `${type}-2`, previous: `${type}-0` });
      const csv = await (await getJson(`/api/v1/errors/${id}/events/export?format=json`, { cookie })).text();
      expect([...csv.matchAll(/review@2\.0\.\d/g)].map((m) => m[0]).filter((r, i, all) => all.indexOf(r) === i), type).toEqual([...releases].reverse());
    }
  });
});
