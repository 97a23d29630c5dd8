import { expect, test } from "@playwright/test";
import { api } from "@/e2e/support/alertHelpers";
import { startCrossOriginSite } from "@/e2e/support/crossOriginSite";
import { query } from "@/e2e/support/dbCounts";
import { createTenant, login } from "@/e2e/support/tenant";

test("the real @sentry/browser SDK reports a click-handler error and a rejected promise across origins", async ({ page }) => {
  const t = await createTenant("browser");
  const app = new URL(process.env.APP_URL ?? "http://127.0.0.1:3100");
  const site = await startCrossOriginSite(`http://${t.key}@${app.host}/${t.projectPublicId}`);
  const sentryResponses: number[] = [];
  page.on("response", (res) => {
    if (res.url().includes("/envelope/")) sentryResponses.push(res.status());
  });
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    // The page's own errors are the point of this test; CORS or network failures are not.
    if (msg.type() === "error" && /CORS|Failed to load|net::/i.test(msg.text())) consoleErrors.push(msg.text());
  });
  try {
    await page.goto(site.url);
    await page.click("#buy");
    await page.click("#reject");
    await expect
      .poll(async () => (await query<{ type: string }>(`SELECT type FROM "ErrorGroup" WHERE "projectId" = $1 ORDER BY type`, [t.projectId])).map((g) => g.type), { timeout: 15_000 })
      .toEqual(["Error", "TypeError"]);
    const groups = await query<{ type: string; message: string; platform: string; severity: string; context: { environment: string; release: string }; userId: string }>(
      `SELECT type, message, platform, severity::text, context, (SELECT o."userId" FROM "ErrorOccurrence" o WHERE o."groupId" = g.id LIMIT 1) AS "userId"
       FROM "ErrorGroup" g WHERE "projectId" = $1 ORDER BY type`,
      [t.projectId],
    );
    expect(groups[0]).toMatchObject({ type: "Error", message: "cart service unavailable", platform: "javascript" });
    expect(groups[1].message).toMatch(/Cannot read properties of undefined/);
    // The issue keeps environment and release; the user is its event's.
    expect(groups[1].context).toMatchObject({ environment: "browser-test", release: "shop-web@3.1.0" });
    expect(groups[1].userId).toBe("shopper-42");
    expect(sentryResponses.length).toBeGreaterThanOrEqual(2);
    expect(sentryResponses.every((s) => s === 200)).toBe(true);
    expect(consoleErrors).toEqual([]);
  } finally {
    await site.close();
  }
});

test("release health from the real @sentry/browser SDK: every page load is one session, in the worst state it reached", async ({ page }) => {
  const t = await createTenant("browser-health");
  const app = new URL(process.env.APP_URL ?? "http://127.0.0.1:3100");
  const site = await startCrossOriginSite(`http://${t.key}@${app.host}/${t.projectPublicId}`);
  // Waits for the answer to the SDK's next session update matching `body` (answered once stored).
  const sessionUpdate = (body: RegExp) =>
    page.waitForResponse((res) => {
      const sent = res.request().postData() ?? "";
      return res.url().includes("/envelope/") && sent.includes(`"type":"session"`) && body.test(sent);
    });
  const load = async () => {
    // BrowserSession sends the page's session once, `init: true, status: "ok"`, when the page is idle.
    const init = sessionUpdate(/"init":true/);
    await page.goto(site.url);
    expect((await init).status()).toBe(200);
  };
  try {
    // Three healthy page loads (the SDK never ends their sessions), one with a handled error, one with an unhandled one.
    for (let i = 0; i < 3; i++) await load();
    await load();
    const handled = sessionUpdate(/"errors":1/);
    await page.evaluate(() => (window as unknown as { Sentry: { captureException(e: Error): void } }).Sentry.captureException(new Error("coupon rejected")));
    expect((await handled).status()).toBe(200);
    await load();
    const unhandled = sessionUpdate(/"status":"unhandled"/);
    await page.click("#buy");
    expect((await unhandled).status()).toBe(200);

    const viewer = await login(t.viewer);
    const listed = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases`, viewer);
    const release = (listed.body.items as { version: string; sessions: unknown }[]).find((r) => r.version === "shop-web@3.1.0");
    expect(release?.sessions).toMatchObject({ total: 5, errored: 1, crashed: 1, abnormal: 0, crashFreeRate: 0.8 });
  } finally {
    await site.close();
  }
});
