import type { Page } from "@playwright/test";
import { createTenant, type Tenant } from "@/e2e/support/tenant";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";
import { SEEDED, seedErrors } from "@/e2e/ui/seed";

let t: Tenant;

test.beforeAll(async () => {
  t = await createTenant("triage");
  await seedErrors(t);
});

test.beforeEach(async ({ context }) => {
  await signInAs(context, t.admin);
});

async function openError(page: Page, type: string) {
  await page.getByTestId("error-row").filter({ hasText: type }).click();
  await expect(page.getByTestId("error-details")).toBeVisible();
  await expect(page.getByTestId("error-details")).toContainText(type);
}

const details = (page: Page) => page.getByTestId("error-details");

test("open an error, read its stack trace, resolve it with a note; it stays resolved with an audit trail", async ({ page }) => {
  await page.goto("/");
  await openError(page, SEEDED.typeError);
  await expect(details(page)).toContainText("Cannot read properties of undefined");
  await expect(details(page)).toContainText(/First seen\s*(about )?\d+ hours ago/);
  await expect(details(page)).toContainText(/Last seen\s*\d+ minutes ago/);
  await expect(page.getByTestId("detail-occurrences")).toHaveText("3");

  await details(page).getByRole("button", { name: "Stack trace" }).click();
  const trace = page.getByTestId("stack-trace");
  await expect(trace).toContainText("computeInvoice");
  await expect(trace).toContainText("javascript");
  // Highlighted: the trace is split into Prism tokens, not one text node.
  expect(await trace.locator(".token").count()).toBeGreaterThan(3);

  await details(page).getByRole("button", { name: "Context & metadata" }).click();
  await expect(details(page)).toContainText('"feature": "billing"');
  await expect(details(page)).toContainText("2.3.1");
  await screenshotBothWidths(page, "error-details", { narrowOverlay: details(page) });
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshotBothWidths(page, "error-details-dark", { narrowOverlay: details(page) });
  await page.emulateMedia({ colorScheme: "light" });

  await details(page).getByRole("button", { name: "Mark as resolved" }).click();
  await page.getByLabel("Resolution").fill("Guarded the missing invoice total");
  await page.getByLabel("Root cause").fill("Invoices without line items");
  await page.getByLabel("Preventive measures (one per line)").fill("Add a test for empty invoices\nValidate totals at creation");
  await screenshotBothWidths(page, "resolve-form", { narrowOverlay: details(page) });
  await page.getByRole("button", { name: "Confirm resolution" }).click();
  await expect(page.getByTestId("detail-status")).toHaveText(/RESOLVED/);

  await page.reload();
  await expect(page.getByTestId("detail-status")).toHaveText(/RESOLVED/);
  await expect(page.getByTestId("resolution")).toContainText("Guarded the missing invoice total");
  await expect(page.getByTestId("resolution")).toContainText("Validate totals at creation");
  await expect(page.getByTestId("audit-trail")).toContainText(t.admin.email);
  await expect(page.getByTestId("audit-trail")).toContainText("resolved it");
  await expect(page.getByTestId("error-row").filter({ hasText: SEEDED.typeError })).toContainText("RESOLVED");
  await expect(details(page).getByRole("button", { name: "Reopen" })).toBeVisible();
});

test("acknowledge, investigate, assign, then ignore another error", async ({ page }) => {
  await page.goto("/");
  await openError(page, SEEDED.validation);
  await details(page).getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByTestId("detail-status")).toHaveText(/ACKNOWLEDGED/);
  await details(page).getByRole("button", { name: "Investigating" }).click();
  await expect(page.getByTestId("detail-status")).toHaveText(/INVESTIGATING/);
  await details(page).getByLabel("Assignee").selectOption(t.admin.id);
  await expect(details(page)).toContainText(/Assignee\s*admin /);

  await details(page).getByRole("button", { name: "Ignore" }).click();
  await expect(page.getByTestId("detail-status")).toHaveText(/IGNORED/);
  await page.reload();
  await expect(page.getByTestId("detail-status")).toHaveText(/IGNORED/);
  const audit = page.getByTestId("audit-trail");
  await expect(audit).toContainText("ignored it forever");
  await expect(audit).toContainText("started investigating it");
  await expect(audit).toContainText("acknowledged it");
  await expect(audit).toContainText("assigned it");

  await details(page).getByRole("button", { name: "Reopen" }).click();
  await expect(page.getByTestId("detail-status")).toHaveText(/NEW/);
});

test("a refused change rolls back with a visible message", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of 409/);
  // The refusal is held back until the test has seen the optimistic state, then sent: no timing race.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/v1/errors/*", async (route) => {
    if (route.request().method() !== "PATCH") return route.fallback();
    await released;
    await route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: { code: "conflict", message: "someone else changed it" } }) });
  });
  // The page's clock is the test's to move: the message must outlast any timer.
  await page.clock.install();
  await page.goto("/");
  await openError(page, SEEDED.spike);
  // Both live regions are on the page before any message (one inserted with its text is often not read out).
  const alerts = page.getByTestId("toast-alerts");
  await expect(alerts).toHaveAttribute("role", "alert");
  await expect(alerts).toBeEmpty();
  await expect(page.getByTestId("toast-status")).toHaveAttribute("role", "status");
  await expect(page.getByTestId("detail-status")).toHaveText(/NEW/);
  await details(page).getByRole("button", { name: "Ignore" }).click();
  await expect(page.getByTestId("detail-status")).toHaveText(/IGNORED/);
  release();
  const toast = alerts.getByTestId("toast");
  await expect(toast).toContainText("Change not saved: someone else changed it");
  await expect(page.getByTestId("detail-status")).toHaveText(/NEW/);
  await expect(page.getByTestId("error-row").filter({ hasText: SEEDED.spike })).toContainText("NEW");
  // An error stays until dismissed, however long it takes to read.
  await page.clock.fastForward(60_000);
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Dismiss" }).click();
  await expect(toast).toHaveCount(0);
});
