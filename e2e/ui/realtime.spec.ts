import { createTenant, postEvents, type Tenant } from "@/e2e/support/tenant";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";
import { seedErrors } from "@/e2e/ui/seed";

let t: Tenant;

test.beforeAll(async () => {
  t = await createTenant("live");
});

test("first run shows how to send an error, and the first error appears without reload", async ({ page, context }) => {
  await signInAs(context, t.admin);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Send your first error" })).toBeVisible();
  await expect(page.getByTestId("curl-example")).toContainText("/api/v1/events");
  await expect(page.getByTestId("curl-example")).toContainText("x-faultline-key");
  await screenshotBothWidths(page, "first-run");

  const res = await postEvents(t.key, { type: "FirstLightError", message: "hello from the test", severity: "medium" });
  expect(res.status).toBe(202);
  await expect(page.getByTestId("error-row").filter({ hasText: "FirstLightError" })).toBeVisible({ timeout: 10_000 });
});

test("a new event sent while the dashboard is open appears within 10 s", async ({ page, context }) => {
  await seedErrors(t);
  await signInAs(context, t.admin);
  await page.goto("/");
  await expect(page.getByTestId("overview-totalErrors")).toBeVisible();
  const before = Number((await page.getByTestId("overview-totalErrors").textContent())?.replace(/,/g, ""));

  const type = `LiveError${Date.now()}`;
  const res = await postEvents(t.key, { type, message: "sent during the test", severity: "high" });
  expect(res.status).toBe(202);
  await expect(page.getByTestId("error-row").filter({ hasText: type })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId("overview-totalErrors")).toHaveText(String(before + 1), { timeout: 10_000 });
});
