import { expect, test, type Page } from "@playwright/test";
import { query } from "@/e2e/support/dbCounts";
import { startClientSite } from "@/e2e/support/clientSite/clientSite";
import { startFaultProxy, type FaultProxy } from "@/e2e/support/faultProxy";
import { signInAs } from "@/e2e/ui/fixtures";
import { BASE_URL, createTenant, type Tenant } from "@/e2e/support/tenant";

/**
 * The browser build of @faultline/client in Chromium, on a site of another origin than Faultline:
 * recovery helpers, 503/429 retries, the offline queue, sendBeacon at page hide (also after a 5xx),
 * keepalive within its quota of bytes, global handlers and the React error boundary — each checked
 * in what the running app stored.
 */
type FaultlineGlobal = typeof import("@faultline/client");
declare global {
  interface Window {
    Faultline: FaultlineGlobal;
  }
}

let site: { url: string; close: () => Promise<void> };
let proxy: FaultProxy;

test.beforeAll(async () => {
  site = await startClientSite();
  proxy = await startFaultProxy(BASE_URL);
});
test.afterAll(async () => {
  await site.close();
  await proxy.close();
});

interface Stored {
  eventId: string;
  type: string;
  message: string;
  recovered: boolean | null;
  recoveryMethod: string | null;
  parentEventId: string | null;
  tags: Record<string, unknown>;
}

const stored = (t: Tenant) =>
  query<Stored>(
    `SELECT o."eventId", g.type, o.message, o.recovered, o."recoveryMethod", o."parentEventId", o.tags
     FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE o."projectId" = $1 ORDER BY o."occurredAt", o.id`,
    [t.projectId],
  );

/** Opens the site's plain page and starts the client with these options. */
async function openWithClient(page: Page, options: Record<string, unknown>) {
  await page.goto(`${site.url}/`);
  await page.waitForFunction(() => !!window.Faultline);
  await page.evaluate((o) => void window.Faultline.init(o), options);
}

const base = (t: Tenant, url = BASE_URL) => ({ url, key: t.key, environment: "browser", flushIntervalMs: 50 });

test("recovery helpers report from the browser, and the dashboard's recovery section shows them", async ({ page, context }) => {
  // The dashboard's first view of a cold app can take long on a loaded machine.
  test.setTimeout(300_000);
  const t = await createTenant("br-recovery");
  await openWithClient(page, base(t));
  const results = await page.evaluate(async () => {
    const F = window.Faultline;
    let calls = 0;
    const fetched = await F.withRetry(async () => (++calls < 2 ? Promise.reject(new TypeError("Failed to fetch /api/cart")) : "cart"), { attempts: 3, backoff: 10, name: "cart" });
    const price = await F.withFallback(async () => Promise.reject(new RangeError("price feed stale")), 0);
    const slow = await F.withTimeout(() => new Promise(() => undefined), 30).catch((e: Error) => e.name);
    const flushed = await F.flush(20_000);
    return { fetched, price, slow, flushed };
  });
  expect(results).toEqual({ fetched: "cart", price: 0, slow: "TimeoutError", flushed: true });

  const rows = await stored(t);
  expect(rows.filter((r) => r.recovered !== null).map((r) => [r.type, r.recoveryMethod, r.recovered]).sort()).toEqual(
    [
      ["TypeError", "retry", true],
      ["RangeError", "fallback", true],
      ["TimeoutError", "timeout", false],
    ].sort(),
  );

  await signInAs(context, t.viewer);
  await page.goto(`/?ws=${t.workspaceId}&tf=1h`);
  const recovery = page.locator('section[aria-labelledby="recovery-title"]');
  await expect(recovery.getByText("retry", { exact: true })).toBeVisible({ timeout: 180_000 });
  await expect(recovery.getByText("fallback", { exact: true })).toBeVisible();
  await expect(recovery.getByText("timeout", { exact: true })).toBeVisible();
});

test("waits out 503 and 429 from the browser and stores each event once", async ({ page }) => {
  const t = await createTenant("br-faults");
  const script = [
    { kind: "fail", status: 503, retryAfter: "1" },
    { kind: "fail", status: 429, retryAfter: "1" },
  ] as const;
  proxy.setPolicy((nth) => script[nth] ?? { kind: "forward" });
  proxy.requests.length = 0;
  await openWithClient(page, base(t, proxy.url));
  const ids = await page.evaluate(async () => {
    const F = window.Faultline;
    const ids = [F.captureException(new Error("checkout button dead")), F.captureMessage("slow render", "warning")];
    await F.flush(30_000);
    return ids;
  });
  expect(proxy.requests.map((r) => r.answered)).toEqual([503, 429, 202]);
  for (const r of proxy.requests) expect(r.eventIds).toEqual(ids);
  expect(proxy.requests[1].at - proxy.requests[0].at).toBeGreaterThanOrEqual(950);
  expect((await stored(t)).map((r) => r.eventId).sort()).toEqual([...ids].sort());
});

test("keeps events while offline (in localStorage, across a reload) and sends them once back online", async ({ page, context }) => {
  const t = await createTenant("br-offline");
  await openWithClient(page, base(t));
  await context.setOffline(true);
  const first = await page.evaluate(async () => {
    const F = window.Faultline;
    const id = F.captureException(new Error("lost connection while saving"));
    const flushed = await F.flush(300);
    return { id, flushed, onLine: navigator.onLine };
  });
  expect(first).toMatchObject({ flushed: false, onLine: false });
  const persisted = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("faultline:queue:")).flatMap((k) => JSON.parse(localStorage.getItem(k)!).map((e: { eventId: string }) => e.eventId)));
  expect(await persisted()).toEqual([first.id]);

  await context.setOffline(false);
  await expect.poll(async () => (await stored(t)).map((r) => r.eventId)).toEqual([first.id]);
  expect(await page.evaluate(() => window.Faultline.flush(10_000))).toBe(true);
  expect(await persisted()).toEqual([]);

  // Offline again: an event captured and the page closed before it could be sent…
  await context.setOffline(true);
  const second = await page.evaluate(async () => {
    const id = window.Faultline.captureException(new Error("closed while offline"));
    await window.Faultline.flush(200);
    return id;
  });
  await page.close();
  await context.setOffline(false);
  // …is sent by the next page of the site that starts the client for the same project.
  const next = await context.newPage();
  await openWithClient(next, base(t));
  expect(await next.evaluate(() => window.Faultline.flush(20_000))).toBe(true);
  const rows = await stored(t);
  expect(rows.map((r) => r.eventId).sort()).toEqual([first.id, second].sort());
});

test("hands unsent events to sendBeacon when the page is left", async ({ page }) => {
  const t = await createTenant("br-beacon");
  // A minute-long batching window: only the page-hide beacon can send this in time.
  await openWithClient(page, { ...base(t), flushIntervalMs: 60_000 });
  const id = await page.evaluate(() => window.Faultline.captureException(new Error("left the page mid-checkout")));
  await page.goto("about:blank");
  await expect.poll(async () => (await stored(t)).map((r) => r.eventId), { timeout: 20_000 }).toEqual([id]);
});

test("hands unsent events to sendBeacon when the page is left after a 5xx (only Retry-After keeps them)", async ({ page }) => {
  const t = await createTenant("br-beacon-502");
  proxy.setPolicy((nth) => (nth === 0 ? { kind: "fail", status: 502 } : { kind: "forward" }));
  proxy.requests.length = 0;
  await openWithClient(page, base(t, proxy.url));
  const id = await page.evaluate(() => window.Faultline.captureException(new Error("left the page after a bad gateway")));
  // The first POST got a 502; the retry waits about a second — the page is left before it.
  await expect.poll(() => proxy.requests.map((r) => r.answered)).toEqual([502]);
  await page.goto("about:blank");
  await expect.poll(async () => (await stored(t)).map((r) => r.eventId), { timeout: 20_000 }).toEqual([id]);
});

test("sends an event of non-ASCII text over the keepalive quota (64 KiB of bytes, not characters)", async ({ page }) => {
  const t = await createTenant("br-utf8");
  await openWithClient(page, base(t));
  const result = await page.evaluate(async () => {
    // 8 × ≈ 4,000 CJK characters: ≈ 32,000 characters, ≈ 100 KB of UTF-8.
    const text = "漢字のテキスト".repeat(570);
    const context = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`field${i}`, text]));
    const id = window.Faultline.captureException(new Error("keepalive quota in bytes"), { context });
    return { id, flushed: await window.Faultline.flush(20_000) };
  });
  expect(result.flushed).toBe(true);
  expect((await stored(t)).map((r) => r.eventId)).toEqual([result.id]);
});

test("reports uncaught errors and unhandled rejections of the page", async ({ page }) => {
  const t = await createTenant("br-global");
  await openWithClient(page, base(t));
  await page.evaluate(() => {
    setTimeout(() => {
      throw new SyntaxError("bad JSON in widget config");
    }, 0);
    void Promise.reject(new URIError("malformed deep link"));
  });
  await expect.poll(async () => (await stored(t)).map((r) => r.type).sort()).toEqual(["SyntaxError", "URIError"]);
  const rows = await stored(t);
  expect(rows.map((r) => r.tags.mechanism).sort()).toEqual(["onerror", "onunhandledrejection"]);
});

test("the React error boundary reports a render error once, and an event handler's error through the hook", async ({ page }) => {
  const t = await createTenant("br-react");
  // React logs the errors its boundaries catch; those logs are expected here.
  await page.goto(`${site.url}/react?config=${encodeURIComponent(JSON.stringify(base(t)))}`);
  await page.click("#arm");
  const fallback = page.locator("#fallback");
  await expect(fallback).toHaveText("Something went wrong");
  const eventId = await fallback.getAttribute("data-event-id");
  expect(eventId).toMatch(/^[0-9a-f]{32}$/);

  await page.click("#handler");
  const handlerFallback = page.locator("#handler-fallback");
  await expect(handlerFallback).toBeVisible();
  const handlerEventId = await handlerFallback.getAttribute("data-event-id");
  expect(await page.evaluate(() => window.Faultline.flush(20_000))).toBe(true);

  const rows = await stored(t);
  expect(rows.filter((r) => r.type === "BombError").map((r) => r.eventId)).toEqual([eventId]);
  expect(rows.filter((r) => r.type === "HandlerError").map((r) => r.eventId)).toEqual([handlerEventId]);
  expect(rows).toHaveLength(2);
  expect(rows[0].tags).toMatchObject({ mechanism: "react.errorBoundary" });
  const occurrences = await query<{ n: number }>(`SELECT sum("occurrenceCount")::int AS n FROM "ErrorGroup" WHERE "projectId" = $1`, [t.projectId]);
  expect(occurrences[0].n).toBe(2);
});
