import path from "node:path";
import { freePort } from "@/e2e/support/childProcess";
import { startFaultApp, startFaultDatabase, type FaultApp, type FaultDatabase } from "@/e2e/support/faultApp";
import { expect, screenshotBothWidths, test } from "@/e2e/ui/fixtures";

/**
 * The dashboard while its PostgreSQL is down, on a database and app of this file's own (the suite's
 * database is never touched): a page opened during the outage says what is wrong instead of the
 * framework's bare "Application error", and shows the page by itself once the database is back.
 */
let db: FaultDatabase;
let app: FaultApp;
const SHOTS = path.resolve(import.meta.dirname, "..", "..", "test-results", "screenshots");
const admin = { name: "Oda Ops", email: "oda@outage.test", password: "oda's long password" };

test.beforeAll(async () => {
  test.setTimeout(300_000);
  db = await startFaultDatabase(await freePort(), "outage-ui");
  app = await startFaultApp(await freePort(), db.url, "outage-ui");
  const setup = await fetch(`${app.url}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...admin, workspaceName: "Outage", projectName: "Shop" }),
  });
  expect(setup.status).toBe(201);
});
test.afterAll(async () => {
  await app?.stop();
  await db?.stop();
});

test("a page opened while PostgreSQL is down explains it, and comes back by itself when it is up again", async ({ page, context, consoleGuard }) => {
  test.setTimeout(240_000);
  // Expected errors: the failed responses during the outage, and React's report of the failed server
  // render (#441, "an error occurred in the Server Components render", its message withheld in production).
  consoleGuard.allow(/status of 50[03]|Minified React error #441/);
  const login = await fetch(`${app.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const [name, value] = login.headers.get("set-cookie")!.split(";")[0].split("=");
  await context.addCookies([{ name, value, url: app.url }]);
  await page.goto(`${app.url}/`);
  await expect(page.getByRole("heading", { name: "Error Tracking" })).toBeVisible();

  await db.kill();
  try {
    await page.goto(`${app.url}/`);
    const outage = page.getByTestId("page-error");
    await expect(outage.getByRole("heading", { name: "Faultline cannot reach its database right now" })).toBeVisible({ timeout: 60_000 });
    await expect(outage).toContainText("still accepted and kept");
    await screenshotBothWidths(page, "database-outage", { dir: SHOTS });
  } finally {
    await db.restart();
  }
  // No reload by the user: the page asks /api/health and renders the dashboard once it answers.
  await expect(page.getByRole("heading", { name: "Error Tracking" })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("page-error")).toHaveCount(0);
});
